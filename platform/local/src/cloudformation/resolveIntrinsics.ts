/** A value of a CloudFormation template (JSON). */
export type TemplateValue =
  | string
  | number
  | boolean
  | null
  | readonly TemplateValue[]
  | { readonly [key: string]: TemplateValue };

/** What the resolver asks the local stage for: names and attributes of resources. */
export interface IntrinsicContext {
  /** `Ref` of a resource or parameter of the same template (its local physical name / value). */
  ref(logicalId: string): string;
  /** `Fn::GetAtt` of a resource of the same template. */
  getAtt(logicalId: string, attribute: string): string;
  /** `Fn::ImportValue` of an export of another stack. */
  importValue(name: string): string;
  /** A `{{resolve:ssm:<name>}}` dynamic reference. */
  ssmParameter(name: string): string;
  readonly region: string;
  readonly accountId: string;
  readonly stackName: string;
}

/** A template value the local cloud cannot resolve; `path` says where in the template. */
export class UnresolvableIntrinsicError extends Error {
  constructor(
    readonly path: string,
    reason: string,
  ) {
    super(`${path}: ${reason}`);
    this.name = 'UnresolvableIntrinsicError';
  }
}

// Marks an `AWS::NoValue`: the key or list item disappears.
const NO_VALUE = Symbol('AWS::NoValue');
type Resolved = string | number | boolean | null | Resolved[] | { [key: string]: Resolved };

/**
 * Resolves CloudFormation intrinsic functions (Ref with pseudo parameters, Fn::GetAtt,
 * Fn::Join, Fn::Sub, Fn::Select, Fn::Split, Fn::ImportValue, Fn::Base64) and `{{resolve:ssm:…}}`
 * dynamic references in a template value to plain JSON, asking `context` for resource names.
 * Conditions (Fn::If) and other functions are refused with the path of the value.
 */
export function resolveIntrinsics(
  value: TemplateValue,
  context: IntrinsicContext,
  path = '$',
): Resolved {
  const resolved = resolve(value, context, path);
  if (resolved === NO_VALUE) throw new UnresolvableIntrinsicError(path, 'AWS::NoValue at the top');
  return resolved;
}

/** Resolves a value that must come out as a string (an environment variable, a name). */
export function resolveString(value: TemplateValue, context: IntrinsicContext, path = '$'): string {
  const resolved = resolveIntrinsics(value, context, path);
  if (typeof resolved === 'string') return resolved;
  if (typeof resolved === 'number' || typeof resolved === 'boolean') return String(resolved);
  throw new UnresolvableIntrinsicError(path, `expected a string, got ${JSON.stringify(resolved)}`);
}

function resolve(
  value: TemplateValue,
  context: IntrinsicContext,
  path: string,
): Resolved | typeof NO_VALUE {
  if (typeof value === 'string') return resolveDynamicReferences(value, context, path);
  if (value === null || typeof value !== 'object') return value;
  if (Array.isArray(value)) {
    return (value as readonly TemplateValue[])
      .map((item, index) => resolve(item, context, `${path}[${index}]`))
      .filter((item): item is Resolved => item !== NO_VALUE);
  }
  const object = value as { readonly [key: string]: TemplateValue };
  const keys = Object.keys(object);
  const only = keys.length === 1 ? keys[0] : undefined;
  if (only === 'Ref' || only?.startsWith('Fn::')) {
    return resolveFunction(only, object[only] as TemplateValue, context, `${path}.${only}`);
  }
  const out: { [key: string]: Resolved } = {};
  for (const key of keys) {
    const item = resolve(object[key] as TemplateValue, context, `${path}.${key}`);
    if (item !== NO_VALUE) out[key] = item;
  }
  return out;
}

function resolveFunction(
  name: string,
  argument: TemplateValue,
  context: IntrinsicContext,
  path: string,
): Resolved | typeof NO_VALUE {
  switch (name) {
    case 'Ref':
      return ref(expectString(argument, path), context);
    case 'Fn::GetAtt':
      return getAtt(argument, context, path);
    case 'Fn::Join': {
      const [separator, items] = expectList(argument, 2, path);
      const list = resolve(items as TemplateValue, context, `${path}[1]`);
      if (!Array.isArray(list)) throw new UnresolvableIntrinsicError(path, 'needs a list to join');
      return list
        .map((item, index) => scalar(item, `${path}[1][${index}]`))
        .join(expectString(separator as TemplateValue, `${path}[0]`));
    }
    case 'Fn::Sub':
      return substitute(argument, context, path);
    case 'Fn::Select': {
      const [index, items] = expectList(argument, 2, path);
      const list = resolve(items as TemplateValue, context, `${path}[1]`);
      const at = Number(resolve(index as TemplateValue, context, `${path}[0]`));
      if (!Array.isArray(list) || !Number.isInteger(at) || at < 0 || at >= list.length)
        throw new UnresolvableIntrinsicError(path, `index ${at} is outside the list`);
      return list[at] as Resolved;
    }
    case 'Fn::Split': {
      const [separator, source] = expectList(argument, 2, path);
      const text = resolve(source as TemplateValue, context, `${path}[1]`);
      return scalar(text as Resolved, `${path}[1]`).split(
        expectString(separator as TemplateValue, `${path}[0]`),
      );
    }
    case 'Fn::ImportValue': {
      const exportName = resolve(argument, context, path);
      return context.importValue(scalar(exportName as Resolved, path));
    }
    case 'Fn::Base64': {
      const text = resolve(argument, context, path);
      return Buffer.from(scalar(text as Resolved, path)).toString('base64');
    }
    default:
      throw new UnresolvableIntrinsicError(
        path,
        `${name} is not supported by the local cloud (supported: Ref, Fn::GetAtt, Fn::Join, Fn::Sub, Fn::Select, Fn::Split, Fn::ImportValue, Fn::Base64)`,
      );
  }
}

function ref(name: string, context: IntrinsicContext): string | typeof NO_VALUE {
  switch (name) {
    case 'AWS::Region':
      return context.region;
    case 'AWS::AccountId':
      return context.accountId;
    case 'AWS::StackName':
      return context.stackName;
    case 'AWS::Partition':
      return 'aws';
    case 'AWS::URLSuffix':
      return 'amazonaws.com';
    case 'AWS::NoValue':
      return NO_VALUE;
    default:
      return context.ref(name);
  }
}

function getAtt(argument: TemplateValue, context: IntrinsicContext, path: string): string {
  if (typeof argument === 'string') {
    const dot = argument.indexOf('.');
    if (dot < 1)
      throw new UnresolvableIntrinsicError(path, `"${argument}" is not "Resource.Attribute"`);
    return context.getAtt(argument.slice(0, dot), argument.slice(dot + 1));
  }
  const [logicalId, attribute] = expectList(argument, 2, path);
  const resolvedAttribute = resolve(attribute as TemplateValue, context, `${path}[1]`);
  return context.getAtt(
    expectString(logicalId as TemplateValue, `${path}[0]`),
    scalar(resolvedAttribute as Resolved, `${path}[1]`),
  );
}

// `${Name}`, `${Resource.Attribute}`, and `${!Literal}` (a literal `${Literal}`).
const SUB_VARIABLE = /\$\{([^}]*)\}/g;

function substitute(argument: TemplateValue, context: IntrinsicContext, path: string): string {
  const [template, variables] =
    typeof argument === 'string' ? [argument, {}] : expectList(argument, 2, path);
  const text = expectString(template, `${path}[0]`);
  const resolvedVariables = resolve(variables, context, `${path}[1]`);
  if (
    resolvedVariables === null ||
    typeof resolvedVariables !== 'object' ||
    Array.isArray(resolvedVariables)
  )
    throw new UnresolvableIntrinsicError(`${path}[1]`, 'needs an object of variables');
  return text.replace(SUB_VARIABLE, (_match, name: string) => {
    if (name.startsWith('!')) return `\${${name.slice(1)}}`;
    if (name in resolvedVariables)
      return scalar(resolvedVariables[name] as Resolved, `${path}[1].${name}`);
    const dot = name.indexOf('.');
    if (dot > 0) return context.getAtt(name.slice(0, dot), name.slice(dot + 1));
    const value = ref(name, context);
    if (value === NO_VALUE)
      throw new UnresolvableIntrinsicError(path, 'AWS::NoValue inside Fn::Sub');
    return value;
  });
}

// `{{resolve:ssm:/name}}` or `{{resolve:ssm:/name:3}}` (a version, ignored: one value locally).
const SSM_REFERENCE = /\{\{resolve:ssm:([^}:]+)(?::\d+)?\}\}/g;

function resolveDynamicReferences(text: string, context: IntrinsicContext, path: string): string {
  if (!text.includes('{{resolve:')) return text;
  const replaced = text.replace(SSM_REFERENCE, (_match, name: string) =>
    context.ssmParameter(name),
  );
  if (replaced.includes('{{resolve:'))
    throw new UnresolvableIntrinsicError(
      path,
      `only {{resolve:ssm:…}} dynamic references are supported locally (${text})`,
    );
  return replaced;
}

function expectString(value: TemplateValue, path: string): string {
  if (typeof value !== 'string') throw new UnresolvableIntrinsicError(path, 'expected a string');
  return value;
}

function expectList(value: TemplateValue, length: number, path: string): readonly TemplateValue[] {
  if (!Array.isArray(value) || value.length !== length)
    throw new UnresolvableIntrinsicError(path, `expected a list of ${length}`);
  return value as readonly TemplateValue[];
}

function scalar(value: Resolved, path: string): string {
  if (typeof value === 'string') return value;
  if (typeof value === 'number' || typeof value === 'boolean') return String(value);
  throw new UnresolvableIntrinsicError(path, `expected a string, got ${JSON.stringify(value)}`);
}
