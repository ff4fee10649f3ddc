import type { StringEnvironmentParameter } from './environmentParameters.js';

/**
 * The values of an environment a service's `environment` variables may refer to, written
 * `${environment.<name>}` in its spec (e.g. `APP_URL: ${environment.publicSiteUrl}`). Each is
 * one of the SSM parameters the environment publishes (ENVIRONMENT_PARAMETERS, same key), so a
 * reference resolves at deploy time to the value of the environment it is deployed to.
 */
export const REFERABLE_VALUES = {
  apiUrl: { description: 'the public GraphQL endpoint, https://<cloudfront>/graphql' },
  publicSiteUrl: {
    description: 'the public web app (web/app), https://<cloudfront>; only with hosting on',
    needsHosting: true,
  },
  internalSiteUrl: {
    description: 'the internal web app (web/internal), https://<cloudfront>; only with hosting on',
    needsHosting: true,
  },
} as const satisfies Partial<
  Record<StringEnvironmentParameter, { description: string; needsHosting?: true }>
>;

/** The name of a value a service may refer to. */
export type ReferableValue = keyof typeof REFERABLE_VALUES;

const NAMES = Object.keys(REFERABLE_VALUES) as ReferableValue[];

/** The referable values an environment with these inputs publishes. */
export function publishedValues(inputs: { readonly hosting: boolean }): ReferableValue[] {
  return NAMES.filter((name) => inputs.hosting || !('needsHosting' in REFERABLE_VALUES[name]));
}

// Anything between `${` and `}`; what is inside is checked, so `${env.x}` gets a clear error.
const REFERENCE = /\$\{([^}]*)\}/g;
const FORM = /^environment\.([A-Za-z][A-Za-z0-9]*)$/;

/** The name inside one `${…}`: undefined when it is not `environment.<name>` at all. */
function nameIn(inner: string): string | undefined {
  return FORM.exec(inner.trim())?.[1];
}

function isReferable(name: string): name is ReferableValue {
  return name in REFERABLE_VALUES;
}

/**
 * What is wrong with the references of one variable's value in an environment that publishes
 * `published`: one message per bad reference, naming it and what would be valid.
 */
export function checkEnvironmentReferences(
  value: string,
  published: readonly ReferableValue[],
  environmentName: string,
): string[] {
  const problems: string[] = [];
  const known = NAMES.join(', ');
  for (const [reference, inner = ''] of value.matchAll(REFERENCE)) {
    const name = nameIn(inner);
    if (name === undefined) {
      problems.push(`${reference} is not a reference: write \${environment.<name>} (${known})`);
    } else if (!isReferable(name)) {
      problems.push(`${reference} names no value of the environment (there are ${known})`);
    } else if (!published.includes(name)) {
      problems.push(
        `${reference}: environment ${environmentName} does not publish ${name} (${REFERABLE_VALUES[name].description})`,
      );
    }
  }
  return problems;
}

/**
 * Replaces every `${environment.<name>}` of a value with `resolve(name)` (a CDK token in the
 * templates, a local URL in the local cloud). A value without references is returned as is.
 * Throws on a reference `checkEnvironmentReferences` would refuse.
 */
export function substituteEnvironmentReferences(
  value: string,
  resolve: (name: ReferableValue) => string,
): string {
  return value.replace(REFERENCE, (reference, inner: string) => {
    const name = nameIn(inner);
    if (name === undefined || !isReferable(name))
      throw new Error(`${reference} is not a reference to a value of the environment`);
    return resolve(name);
  });
}

/**
 * A service's extra variables with their references resolved: each `${environment.<name>}`
 * becomes `parameter(<the SSM parameter of name>)`. `where` names the instance in the error
 * thrown for a value the environment does not publish (the pipeline reports that earlier, with
 * the spec's line).
 */
export function resolveServiceVariables(
  variables: Readonly<Record<string, string>>,
  published: Readonly<Partial<Record<ReferableValue, string>>>,
  parameter: (parameterName: string) => string,
  where: string,
): Record<string, string> {
  return Object.fromEntries(
    Object.entries(variables).map(([name, value]) => [
      name,
      substituteEnvironmentReferences(value, (referenced) => {
        const parameterName = published[referenced];
        if (parameterName === undefined)
          throw new Error(
            `${where}: ${name} refers to \${environment.${referenced}}, which the environment does not publish`,
          );
        return parameter(parameterName);
      }),
    ]),
  );
}
