import type { StackEnvInputs } from '@stack/stack-env-v1';

export type { StackEnvInputs };

/** A template named by a spec's `template: <name>@<major>`. */
export interface TemplateRef {
  readonly name: string;
  readonly major: number;
}

/** One validated `pipelines/environments/<name>.yaml`, with the template's defaults applied. */
export interface EnvironmentSpec {
  /** The file's base name without `.yaml`; it becomes the CDK stage id. */
  readonly name: string;
  /** Absolute path of the spec file. */
  readonly file: string;
  readonly template: TemplateRef;
  /** The 12-digit AWS account id, as a string. */
  readonly account: string;
  readonly region: string;
  /** Deployment wave: 1, 2, 3… in order; 0 is never deployed by the pipeline (local only). */
  readonly wave: number;
  readonly inputs: StackEnvInputs;
}
