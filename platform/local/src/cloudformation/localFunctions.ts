import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { LocalStageModel, StageResource } from './LocalStageModel.js';
import type { TemplateValue } from './resolveIntrinsics.js';

/** The repository root, resolved from this file. */
const REPOSITORY_ROOT = fileURLToPath(new URL('../../../../', import.meta.url));

/** A Lambda function of the stage, with where its code is locally. */
export interface LocalFunction {
  readonly resource: StageResource;
  /** The function's name (`FunctionName`, else the local generated one). */
  readonly name: string;
  readonly arn: string;
  /** The service it belongs to (tag `stack:service`), if any. */
  readonly service?: string;
  /** The part of the API it is, for the environment template's router and authorizer. */
  readonly api?: ApiRole;
  /** Its TypeScript entry (`handler` export), or why there is none. */
  readonly source: { readonly file: string } | { readonly unmapped: string };
  /** The esbuild bundle (`index.mjs`) when the stage was synthesized with bundling. */
  readonly bundle?: string;
  /** `Environment.Variables`, with intrinsics left to `resolveEnvironment`. */
  readonly environmentTemplate: Readonly<Record<string, unknown>>;
}

/** The environment template's functions behind the API edge. */
export type ApiRole = 'router' | 'authorizer';

/**
 * Environment-template functions by their construct path (`aws:cdk:path` metadata) → entry.
 * The service templates' functions need none of this: their `stack:service` tag names the
 * service, whose `src/handler.ts` is the entry (the templates' default).
 */
const ENVIRONMENT_ENTRIES: readonly {
  readonly path: RegExp;
  readonly entry: string | null;
  readonly api?: ApiRole;
}[] = [
  {
    path: /\/Api\/Router[^/]*\/Function\//,
    entry: 'services/router/src/handler.ts',
    api: 'router',
  },
  {
    path: /\/Api\/Authorizer[^/]*\/Function\//,
    entry: 'services/authorizer/src/handler.ts',
    api: 'authorizer',
  },
  {
    path: /\/TableStreamPipe\/Publisher[^/]*\/Function\//,
    entry: 'environment-templates/stack-env/v1/functions/table-change-publisher/handler.ts',
  },
  // Deploy-time custom resources (the template's own and CDK's providers, e.g. the web apps'
  // bucket deployment): they run while CloudFormation deploys, never locally.
  { path: /\/RouterSecret\//, entry: null },
  { path: /\/Custom::/, entry: null },
];

/**
 * Every `AWS::Lambda::Function` of the stage mapped to its handler: a service's function to
 * `<servicesRoot>/<service>/src/handler.ts`, an environment function by its construct path,
 * and to its bundle directory when one was synthesized.
 */
export function localFunctions(model: LocalStageModel, servicesRoot: string): LocalFunction[] {
  return model.resourcesOfType('AWS::Lambda::Function').map((resource) => {
    const properties = resource.resource.Properties ?? {};
    const tags = tagsOf(properties['Tags']);
    const service = tags['stack:service'];
    const code = properties['Code'] as { S3Key?: unknown } | undefined;
    const hash = typeof code?.S3Key === 'string' ? code.S3Key.replace(/\.zip$/, '') : undefined;
    const bundleDir = hash ? resource.stack.assetDirectories[hash] : undefined;
    const environment =
      (properties['Environment'] as { Variables?: Record<string, unknown> } | undefined)
        ?.Variables ?? {};
    const api = service ? undefined : environmentEntryOf(resource)?.api;
    return {
      resource,
      name: resource.name,
      arn: model.contextOf(resource.stack).getAtt(resource.logicalId, 'Arn'),
      ...(service && { service }),
      ...(api && { api }),
      source: sourceOf(resource, service, servicesRoot),
      ...(bundleDir && { bundle: join(bundleDir, 'index.mjs') }),
      environmentTemplate: environment,
    };
  });
}

/** A function's environment variables with every intrinsic resolved to local names. */
export function resolveEnvironment(
  model: LocalStageModel,
  fn: LocalFunction,
): Record<string, string> {
  const resolved: Record<string, string> = {};
  for (const [name, value] of Object.entries(fn.environmentTemplate)) {
    try {
      resolved[name] = model.resolveString(
        fn.resource,
        value as TemplateValue,
        `.Properties.Environment.Variables.${name}`,
      );
    } catch (error) {
      throw new Error(
        `function ${fn.name}: environment variable ${name} cannot be resolved locally: ${(error as Error).message}`,
        { cause: error },
      );
    }
  }
  return resolved;
}

/** The file to load for a function, or an error saying why it cannot run locally. */
export function entryOf(fn: LocalFunction, mode: 'source' | 'bundled'): string {
  if (mode === 'bundled') {
    if (fn.bundle && existsSync(fn.bundle)) return fn.bundle;
    throw new Error(
      `${fn.name} (${fn.resource.stack.stackName}.${fn.resource.logicalId}) has no bundle in the synthesized stage; run stack dev --bundled --reset, or without --bundled`,
    );
  }
  if ('file' in fn.source) return fn.source.file;
  throw new Error(
    `${fn.name} (${fn.resource.stack.stackName}.${fn.resource.logicalId}) cannot run locally: ${fn.source.unmapped}`,
  );
}

function sourceOf(
  resource: StageResource,
  service: string | undefined,
  servicesRoot: string,
): LocalFunction['source'] {
  if (service) {
    const file = join(servicesRoot, service, 'src', 'handler.ts');
    return existsSync(file)
      ? { file }
      : {
          unmapped: `its service ${service} has no ${file} (the templates' entry); add it, or map the function in platform/local/src/cloudformation/localFunctions.ts`,
        };
  }
  const path = resource.resource.Metadata?.['aws:cdk:path'];
  if (typeof path !== 'string')
    return { unmapped: 'the template has no aws:cdk:path metadata to find its construct by' };
  const known = environmentEntryOf(resource);
  if (!known)
    return {
      unmapped: `no local entry for construct ${path}; add one to ENVIRONMENT_ENTRIES in platform/local/src/cloudformation/localFunctions.ts`,
    };
  if (known.entry === null) return { unmapped: `${path} is a deploy-time custom resource` };
  return { file: join(REPOSITORY_ROOT, known.entry) };
}

function environmentEntryOf(resource: StageResource) {
  const path = resource.resource.Metadata?.['aws:cdk:path'];
  return typeof path === 'string'
    ? ENVIRONMENT_ENTRIES.find((each) => each.path.test(path))
    : undefined;
}

function tagsOf(value: unknown): Record<string, string> {
  if (!Array.isArray(value)) return {};
  return Object.fromEntries(
    (value as { Key?: unknown; Value?: unknown }[])
      .filter((tag) => typeof tag.Key === 'string' && typeof tag.Value === 'string')
      .map((tag) => [tag.Key as string, tag.Value as string]),
  );
}
