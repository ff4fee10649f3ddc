import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { CloudFormationTemplate } from './CloudFormationTemplate.js';

/** One stack of a synthesized environment, with its template loaded. */
export interface SynthesizedStack {
  /** `integration/Environment` */
  readonly displayName: string;
  readonly stackName: string;
  /** `aws://<account>/<region>` */
  readonly environment: string;
  readonly templateFile: string;
  readonly template: CloudFormationTemplate;
}

/** One CDK stage of the app (one environment): its nested assembly and its stacks. */
export interface SynthesizedEnvironment {
  readonly name: string;
  readonly stacks: readonly SynthesizedStack[];
}

interface Manifest {
  readonly artifacts?: Readonly<Record<string, Artifact>>;
}
interface Artifact {
  readonly type: string;
  readonly environment?: string;
  readonly displayName?: string;
  readonly properties?: {
    readonly directoryName?: string;
    readonly displayName?: string;
    readonly templateFile?: string;
    readonly stackName?: string;
  };
}

/**
 * Reads a cloud assembly (what `npm run synth` writes) through its manifests: every stage is
 * a nested assembly (`assembly-<stage>/`) whose manifest lists its stacks and template files.
 */
export function readCloudAssembly(cdkOut: string): SynthesizedEnvironment[] {
  const root = readManifest(cdkOut);
  return Object.entries(root.artifacts ?? {})
    .filter(([, artifact]) => artifact.type === 'cdk:cloud-assembly')
    .map(([id, artifact]) => {
      const directory = join(cdkOut, artifact.properties?.directoryName ?? id);
      return {
        name: artifact.properties?.displayName ?? id.replace(/^assembly-/, ''),
        stacks: stacksOf(directory),
      };
    })
    .sort((a, b) => a.name.localeCompare(b.name));
}

function stacksOf(directory: string): SynthesizedStack[] {
  return Object.entries(readManifest(directory).artifacts ?? {})
    .filter(([, artifact]) => artifact.type === 'aws:cloudformation:stack')
    .map(([id, artifact]) => {
      const templateFile = join(
        directory,
        artifact.properties?.templateFile ?? `${id}.template.json`,
      );
      return {
        displayName: artifact.displayName ?? id,
        stackName: artifact.properties?.stackName ?? id,
        environment: artifact.environment ?? 'aws://unknown-account/unknown-region',
        templateFile,
        template: JSON.parse(readFileSync(templateFile, 'utf8')) as CloudFormationTemplate,
      };
    });
}

function readManifest(directory: string): Manifest {
  const file = join(directory, 'manifest.json');
  if (!existsSync(file)) throw new Error(`${file} does not exist`);
  return JSON.parse(readFileSync(file, 'utf8')) as Manifest;
}
