import type { TemplateRef } from './EnvironmentSpec.js';

/** The inputs of one service instance, validated against its template with defaults applied. */
export type ServiceInputs = Readonly<Record<string, unknown>>;

/** A service in one environment: the spec's `spec` with that environment's override merged over it. */
export interface ServiceInstance {
  /** The environment's name (its EnvironmentSpec file name). */
  readonly environment: string;
  readonly inputs: ServiceInputs;
}

/** One validated `services/<name>/service.yaml`. */
export interface ServiceSpec {
  /** The service folder's name; prefix of its table keys and its event source `stack.<name>`. */
  readonly name: string;
  /** Absolute path of the spec file. */
  readonly file: string;
  readonly template: TemplateRef;
  /** `spec` with the template's defaults applied (no environment override). */
  readonly inputs: ServiceInputs;
  /** One instance per environment, in the environments' order (a service runs in all of them). */
  readonly instances: readonly ServiceInstance[];
}
