import { existsSync, readFileSync } from 'node:fs';
import { basename, join } from 'node:path';
import type { TemplateValue } from './resolveIntrinsics.js';

/** A resource of a synthesized template. */
export interface TemplateResource {
  readonly Type: string;
  readonly Properties?: { readonly [key: string]: TemplateValue };
  readonly Metadata?: { readonly [key: string]: TemplateValue };
}

/** A template parameter (CDK uses them for SSM parameter lookups). */
export interface TemplateParameter {
  readonly Type: string;
  readonly Default?: TemplateValue;
}

/** One CloudFormation stack of the synthesized stage. */
export interface AssemblyStack {
  /** The artifact id in the cloud assembly. */
  readonly id: string;
  /** The CloudFormation stack name (`local-Environment`). */
  readonly stackName: string;
  readonly tags: Readonly<Record<string, string>>;
  readonly resources: Readonly<Record<string, TemplateResource>>;
  readonly parameters: Readonly<Record<string, TemplateParameter>>;
  /** The directory the stack's template and asset directories are in. */
  readonly directory: string;
  /** Asset hash → its directory (bundled code), for assets the synth wrote. */
  readonly assetDirectories: Readonly<Record<string, string>>;
}

interface ManifestArtifact {
  readonly type: string;
  readonly properties?: {
    readonly templateFile?: string;
    readonly stackName?: string;
    readonly tags?: Record<string, string>;
    readonly directoryName?: string;
    readonly file?: string;
  };
}

interface AssetManifest {
  readonly files?: Record<string, { readonly source?: { readonly path?: string } }>;
}

/**
 * Reads the CloudFormation stacks of a cloud assembly (`cdk.out`), following nested assemblies
 * (a CDK Stage is one), with each stack's templates, tags and bundled asset directories.
 */
export function readCloudAssembly(directory: string): AssemblyStack[] {
  const manifestFile = join(directory, 'manifest.json');
  if (!existsSync(manifestFile))
    throw new Error(`${directory} is not a cloud assembly (no manifest.json); synthesize it first`);
  const manifest = JSON.parse(readFileSync(manifestFile, 'utf8')) as {
    artifacts?: Record<string, ManifestArtifact>;
  };
  const stacks: AssemblyStack[] = [];
  const artifacts = Object.entries(manifest.artifacts ?? {});
  for (const [id, artifact] of artifacts) {
    const properties = artifact.properties ?? {};
    if (artifact.type === 'cdk:cloud-assembly' && properties.directoryName) {
      stacks.push(...readCloudAssembly(join(directory, properties.directoryName)));
    }
    if (artifact.type !== 'aws:cloudformation:stack' || !properties.templateFile) continue;
    const template = JSON.parse(readFileSync(join(directory, properties.templateFile), 'utf8')) as {
      Resources?: Record<string, TemplateResource>;
      Parameters?: Record<string, TemplateParameter>;
    };
    const assets = artifacts.find(
      ([assetId, each]) => each.type === 'cdk:asset-manifest' && assetId === `${id}.assets`,
    );
    stacks.push({
      id,
      stackName: properties.stackName ?? id,
      tags: properties.tags ?? {},
      resources: template.Resources ?? {},
      parameters: template.Parameters ?? {},
      directory,
      assetDirectories: assets?.[1].properties?.file
        ? assetDirectories(directory, assets[1].properties.file)
        : {},
    });
  }
  return stacks;
}

function assetDirectories(directory: string, file: string): Record<string, string> {
  const manifest = JSON.parse(readFileSync(join(directory, file), 'utf8')) as AssetManifest;
  const out: Record<string, string> = {};
  for (const [hash, asset] of Object.entries(manifest.files ?? {})) {
    const path = asset.source?.path;
    // Bundled code is an `asset.<hash>` directory of the assembly (a nested assembly's manifest
    // says `../asset.<hash>`); without bundling the source path is a placeholder (the project
    // root), which is no bundle.
    if (path !== undefined && basename(path).startsWith('asset.'))
      out[hash] = join(directory, path);
  }
  return out;
}
