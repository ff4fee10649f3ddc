import type { ErrorObject, SchemaObject } from 'ajv';
import type { PathSegment } from './SpecDocument.js';
import { pointerSegments } from './SpecDocument.js';
import { didYouMean } from './suggestNames.js';

/** An ajv error on a `spec`, turned into the path it concerns and a sentence a user can act on. */
export interface InputProblem {
  /** Path inside `spec`. */
  readonly path: PathSegment[];
  /** Point at the key (unknown inputs) rather than the value. */
  readonly at: 'key' | 'value';
  readonly message: string;
}

/** Describes one ajv error of a template's input type; `inputType` is the compiled schema. */
export function describeInputError(
  error: ErrorObject,
  inputType: SchemaObject,
  templateId: string,
): InputProblem {
  const path = pointerSegments(error.instancePath);
  const params = error.params as Record<string, unknown>;
  const got = describeValue(error.data);
  // A map key that fails `propertyNames` (e.g. an environment variable name): point at the key.
  if (error.propertyName !== undefined && error.keyword === 'pattern') {
    return {
      path: [...path, error.propertyName],
      at: 'key',
      message: `name "${error.propertyName}" is not allowed${about(error.parentSchema)} (must match ${String(params.pattern)})`,
    };
  }
  switch (error.keyword) {
    case 'additionalProperties': {
      const name = String(params.additionalProperty);
      const known = Object.keys(propertiesAt(inputType, path));
      const hint = didYouMean(name, known) || ` (${templateId} inputs: ${known.join(', ')})`;
      return { path: [...path, name], at: 'key', message: `unknown input "${name}"${hint}` };
    }
    case 'required': {
      const name = String(params.missingProperty);
      return { path: [...path, name], at: 'value', message: `missing required input "${name}"` };
    }
    case 'type':
      return {
        path,
        at: 'value',
        message: `must be ${String(params.type).split(',').join(' or ')}, got ${got}`,
      };
    case 'enum': {
      const allowed = (params.allowedValues as unknown[]).map((value) => String(value));
      const hint = typeof error.data === 'string' ? didYouMean(error.data, allowed) : '';
      return {
        path,
        at: 'value',
        message: `must be one of ${allowed.join(', ')}; got ${got}${hint}`,
      };
    }
    case 'pattern':
      return {
        path,
        at: 'value',
        message: `${got} is not valid here${about(error.parentSchema)} (must match ${String(params.pattern)})`,
      };
    case 'format':
      return {
        path,
        at: 'value',
        message: `must be ${params.format === 'email' ? 'an email address' : `in format ${String(params.format)}`}, got ${got}`,
      };
    default:
      return { path, at: 'value', message: `${error.message ?? 'is invalid'}, got ${got}` };
  }
}

/** A value as the user wrote it: strings quoted, maps and lists named. */
export function describeValue(value: unknown): string {
  if (value === null || value === undefined) return 'nothing';
  if (Array.isArray(value)) return 'a list';
  if (typeof value === 'object') return 'a map';
  return JSON.stringify(value);
}

// A pattern is unreadable on its own; the input's description says what it expects.
function about(parentSchema: unknown): string {
  const description = (parentSchema as { description?: unknown } | undefined)?.description;
  return typeof description === 'string' ? ` — expected: ${description}` : '';
}

function propertiesAt(schema: SchemaObject, path: readonly PathSegment[]): Record<string, unknown> {
  let current: unknown = schema;
  for (const segment of path) {
    const node = current as { properties?: Record<string, unknown>; items?: unknown };
    current = typeof segment === 'number' ? node.items : node.properties?.[segment];
  }
  return (current as { properties?: Record<string, unknown> } | undefined)?.properties ?? {};
}
