import {
  checkEnvironmentReferences,
  publishedValues,
} from '@stack/stack-env-v1/environmentReferences';
import type { ErrorObject } from 'ajv';
import { existsSync, readdirSync } from 'node:fs';
import { join, resolve } from 'node:path';
import type { EnvironmentSpec, TemplateRef } from './EnvironmentSpec.js';
import type { ServiceInputs, ServiceInstance, ServiceSpec } from './ServiceSpec.js';
import { availableTemplates, templateId } from './availableTemplates.js';
import { describeInputError, describeValue } from './describeInputError.js';
import {
  readSpecDocument,
  toPointer,
  type PathSegment,
  type SpecDocument,
} from './SpecDocument.js';
import { SpecError, type SpecProblem } from './SpecError.js';
import { checkTopLevelKeys } from './checkTopLevelKeys.js';
import { isRecord } from './isRecord.js';
import { didYouMean } from './suggestNames.js';
import { compatibilityId, readTemplateRegistration } from './templateRegistration.js';
import { loadTemplateSchema } from './TemplateSchema.js';

/** The file every service instance is declared in: `services/<name>/service.yaml`. */
export const SERVICE_SPEC_FILE = 'service.yaml';

const KEYS = ['proton', 'template', 'spec', 'instances'] as const;
const REQUIRED = ['proton', 'template', 'spec'] as const;
const INSTANCE_KEYS = ['environment', 'spec'] as const;
// The name prefixes table keys (`<name>#…`), the event source `stack.<name>` and the function
// name `stack-<stage>-<name>` (64 characters at most, stage names up to 40).
const NAME = /^[a-z][a-z0-9-]{1,39}$/;
const TEMPLATE = /^([a-z][a-z0-9-]*)@([1-9]\d*)$/;

/**
 * Reads every `<servicesRoot>/<name>/service.yaml` ServiceSpec (folders without one, such as
 * the router, are not service instances yet) and validates it: the envelope, the template
 * (it must exist under `templatesRoot` and list every environment's template in its
 * `.template-registration.yaml`), `spec` against the template's schema and each
 * `instances[].spec` override merged over it. Returns the services by name, each with one
 * instance per environment; throws one SpecError listing every problem of every file.
 */
export function loadServiceSpecs(
  servicesRoot: string,
  templatesRoot: string,
  environments: readonly EnvironmentSpec[],
): ServiceSpec[] {
  const root = resolve(servicesRoot);
  const templates = availableTemplates(resolve(templatesRoot));
  if (!existsSync(root)) {
    throw new SpecError([wholeFile(root, 'the services folder does not exist')], 'service');
  }
  const problems: SpecProblem[] = [];
  const specs: ServiceSpec[] = [];
  const folders = readdirSync(root, { withFileTypes: true })
    .filter((entry) => entry.isDirectory())
    .map((entry) => entry.name)
    .sort();
  for (const folder of folders) {
    const misnamed = join(root, folder, 'service.yml');
    if (existsSync(misnamed)) {
      problems.push(
        wholeFile(misnamed, `rename it to ${SERVICE_SPEC_FILE}: only that name is read`),
      );
    }
    const file = join(root, folder, SERVICE_SPEC_FILE);
    if (!existsSync(file)) continue;
    const result = loadOne(readSpecDocument(file), folder, {
      templatesRoot: resolve(templatesRoot),
      templates,
      environments,
    });
    problems.push(...result.problems);
    if (result.spec) specs.push(result.spec);
  }
  if (problems.length > 0) throw new SpecError(problems, 'service');
  return specs;
}

interface Context {
  readonly templatesRoot: string;
  readonly templates: readonly TemplateRef[];
  readonly environments: readonly EnvironmentSpec[];
}

function loadOne(
  document: SpecDocument,
  name: string,
  context: Context,
): { spec?: ServiceSpec; problems: SpecProblem[] } {
  const { file } = document;
  const problems: SpecProblem[] = [];
  const reported = new Set<string>();
  const report = (path: PathSegment[], message: string, at: 'key' | 'value' = 'value') => {
    // A base input is checked once per environment; say the same thing about it once.
    const key = `${toPointer(path)}\n${message}`;
    if (reported.has(key)) return;
    reported.add(key);
    problems.push({ file, ...document.locate(path, at), path: toPointer(path), message });
  };
  if (!NAME.test(name)) {
    problems.push(
      wholeFile(
        file,
        `the folder name "${name}" is the service's name (table key prefix, event source, function name), so it must be 2-40 lower-case letters, digits and dashes, starting with a letter; rename the folder`,
      ),
    );
  }
  if (document.syntaxProblems.length > 0) {
    return { problems: [...problems, ...document.syntaxProblems] };
  }
  const data = checkTopLevelKeys(
    document.data,
    {
      keys: KEYS,
      required: REQUIRED,
      kind: 'ServiceSpec',
      example: (key) => example(key as (typeof REQUIRED)[number]),
    },
    report,
  );
  if (!data) return { problems };

  const template = checkTemplate(data.template, context, report);
  let spec: Record<string, unknown> | undefined;
  if (data.spec !== undefined && !isRecord(data.spec)) {
    report(
      ['spec'],
      `must be a map of template inputs (e.g. spec: { owner: team-${name} }); got ${describeValue(data.spec)}`,
    );
  } else if (isRecord(data.spec)) {
    spec = data.spec;
  }
  const schema = template && loadTemplateSchema(context.templatesRoot, template);

  let inputs: ServiceInputs | undefined;
  if (schema && spec) {
    const base = structuredClone(spec);
    const errors = withoutSummaries(schema.validate(base));
    for (const error of errors) {
      const problem = describeInputError(error, schema.inputType, templateId(schema.template));
      report(['spec', ...problem.path], problem.message, problem.at);
    }
    if (errors.length === 0) inputs = base;
  }

  const overrides = checkInstances(data.instances, context, report);
  const instances: ServiceInstance[] = [];
  for (const environment of context.environments) {
    const override = overrides.get(environment.name);
    if (!override) {
      if (inputs && checkReferences(inputs, environment, undefined, report))
        instances.push({ environment: environment.name, inputs });
      continue;
    }
    if (!schema || !spec) continue;
    const merged = { ...structuredClone(spec), ...structuredClone(override.spec) };
    const errors = withoutSummaries(schema.validate(merged));
    for (const error of errors) {
      const problem = describeInputError(error, schema.inputType, templateId(schema.template));
      // Errors of inputs the override does not set were reported for `spec` already.
      const [first] = problem.path;
      if (first === undefined || !(String(first) in override.spec)) continue;
      report(['instances', override.index, 'spec', ...problem.path], problem.message, problem.at);
    }
    if (errors.length === 0 && checkReferences(merged, environment, override, report))
      instances.push({ environment: environment.name, inputs: merged });
  }

  problems.sort((a, b) => a.line - b.line || a.column - b.column);
  if (problems.length > 0 || !template || !inputs) return { problems };
  return { problems, spec: { name, file, template, inputs, instances } };
}

type Report = (path: PathSegment[], message: string, at?: 'key' | 'value') => void;

/**
 * Checks the `${environment.<name>}` references of an instance's `environment` variables
 * against what its environment publishes; true when there is nothing wrong. A problem points at
 * the override that sets the variable, else at the spec's own.
 */
function checkReferences(
  inputs: ServiceInputs,
  environment: EnvironmentSpec,
  override: { index: number; spec: Record<string, unknown> } | undefined,
  report: Report,
): boolean {
  const variables = inputs.environment;
  if (!isRecord(variables)) return true;
  const overridden =
    override && isRecord(override.spec.environment) ? override.spec.environment : {};
  const published = publishedValues(environment.inputs);
  let valid = true;
  for (const [name, value] of Object.entries(variables)) {
    if (typeof value !== 'string') continue;
    const at: PathSegment[] =
      override && name in overridden
        ? ['instances', override.index, 'spec', 'environment', name]
        : ['spec', 'environment', name];
    for (const message of checkEnvironmentReferences(value, published, environment.name)) {
      report(at, message);
      valid = false;
    }
  }
  return valid;
}

function checkTemplate(value: unknown, context: Context, report: Report): TemplateRef | undefined {
  if (value === undefined) return undefined;
  const match = typeof value === 'string' ? TEMPLATE.exec(value) : null;
  if (!match?.[1] || !match[2]) {
    report(
      ['template'],
      `must be <name>@<major>, e.g. graphql-subgraph@1; got ${describeValue(value)}`,
    );
    return undefined;
  }
  const template = { name: match[1], major: Number(match[2]) };
  if (!context.templates.some((t) => t.name === template.name && t.major === template.major)) {
    const available = context.templates.map(templateId).join(', ') || 'none';
    report(['template'], `template ${match[0]} does not exist (available: ${available})`);
    return undefined;
  }
  const registration = readTemplateRegistration(context.templatesRoot, template);
  const incompatible = new Map<string, string[]>();
  for (const environment of context.environments) {
    const id = compatibilityId(environment.template);
    if (registration.compatibleEnvironments.includes(id)) continue;
    incompatible.set(templateId(environment.template), [
      ...(incompatible.get(templateId(environment.template)) ?? []),
      environment.name,
    ]);
  }
  for (const [environmentTemplate, names] of incompatible) {
    const supported = registration.compatibleEnvironments.join(', ') || 'no environment template';
    report(
      ['template'],
      `template ${match[0]} is not compatible with environment template ${environmentTemplate} (environment${names.length === 1 ? '' : 's'} ${names.join(', ')}); its .template-registration.yaml lists compatible_environments: ${supported}`,
    );
  }
  return incompatible.size === 0 ? template : undefined;
}

interface Override {
  readonly index: number;
  readonly spec: Record<string, unknown>;
}

function checkInstances(value: unknown, context: Context, report: Report): Map<string, Override> {
  const overrides = new Map<string, Override>();
  if (value === undefined) return overrides;
  if (!Array.isArray(value)) {
    report(
      ['instances'],
      `must be a list of per-environment overrides (- environment: <name>, spec: {…}); got ${describeValue(value)}`,
    );
    return overrides;
  }
  const names = context.environments.map((environment) => environment.name);
  for (const [index, item] of (value as unknown[]).entries()) {
    const at: PathSegment[] = ['instances', index];
    if (!isRecord(item)) {
      report(at, `must be a map with environment and spec; got ${describeValue(item)}`);
      continue;
    }
    for (const key of Object.keys(item)) {
      if (!(INSTANCE_KEYS as readonly string[]).includes(key)) {
        report(
          [...at, key],
          `unknown key "${key}"${didYouMean(key, INSTANCE_KEYS) || ' (the keys are environment, spec)'}`,
          'key',
        );
      }
    }
    const environment = item.environment;
    if (typeof environment !== 'string') {
      report(
        [...at, 'environment'],
        `must name an environment (${names.join(', ')}); got ${describeValue(environment)}`,
      );
    } else if (!names.includes(environment)) {
      const hint = didYouMean(environment, names) || ` (the environments are ${names.join(', ')})`;
      report([...at, 'environment'], `environment "${environment}" does not exist${hint}`);
    } else if (overrides.has(environment)) {
      report(
        [...at, 'environment'],
        `environment "${environment}" is overridden twice; merge the two entries`,
      );
    }
    if (!isRecord(item.spec)) {
      report(
        [...at, 'spec'],
        `must be a map of the inputs to override; got ${describeValue(item.spec)}`,
      );
      continue;
    }
    if (
      typeof environment === 'string' &&
      names.includes(environment) &&
      !overrides.has(environment)
    ) {
      overrides.set(environment, { index, spec: item.spec });
    }
  }
  return overrides;
}

function example(key: (typeof REQUIRED)[number]): string {
  const examples: Record<(typeof REQUIRED)[number], string> = {
    proton: 'add "proton: ServiceSpec"',
    template: 'add e.g. "template: graphql-subgraph@1"',
    spec: 'add "spec:" with the template inputs (e.g. owner)',
  };
  return examples[key];
}

// ajv follows each failing map key with a `propertyNames` error that only repeats it.
function withoutSummaries(errors: ErrorObject[]): ErrorObject[] {
  return errors.filter((error) => error.keyword !== 'propertyNames');
}

function wholeFile(file: string, message: string): SpecProblem {
  return { file, line: 1, column: 1, path: '', message };
}
