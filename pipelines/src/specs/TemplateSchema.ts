import { Ajv, type ErrorObject, type SchemaObject, type ValidateFunction } from 'ajv';
import { readFileSync } from 'node:fs';
import { parse } from 'yaml';
import type { TemplateRef } from './EnvironmentSpec.js';
import { templateId, templateSchemaFile } from './availableTemplates.js';

/** The inputs schema of one template version, compiled to validate (and complete) a `spec`. */
export interface TemplateSchema {
  readonly template: TemplateRef;
  readonly schemaFile: string;
  /** The input type as JSON Schema, after the conversion below. */
  readonly inputType: SchemaObject;
  /** Validates inputs in place, filling in defaults; returns every error (empty when valid). */
  validate(inputs: Record<string, unknown>): ErrorObject[];
}

// ajv-formats is not a dependency; the schemas only use `email`. A deliberately loose check
// (something@domain.tld): mail servers are the real judge, a typo like "ops@" is what we catch.
const EMAIL = /^[^\s@]+@[^\s@.]+(\.[^\s@.]+)+$/;

const ajv = new Ajv({ allErrors: true, useDefaults: true, strict: true, verbose: true });
ajv.addFormat('email', EMAIL);

const cache = new Map<string, TemplateSchema>();

/**
 * Loads `schema/schema.yaml` of a template (AWS Proton format: OpenAPI 3 types under
 * `schema.types`, the input type named by `schema.environment_input_type` for environment
 * templates or `schema.service_input_type` for service templates).
 */
export function loadTemplateSchema(templatesRoot: string, template: TemplateRef): TemplateSchema {
  const schemaFile = templateSchemaFile(templatesRoot, template);
  const cached = cache.get(schemaFile);
  if (cached) return cached;

  const inputType = protonInputType(schemaFile, template);
  let validator: ValidateFunction;
  try {
    validator = ajv.compile(inputType);
  } catch (error) {
    throw new Error(
      `${schemaFile}: the input type of ${templateId(template)} is not a valid schema: ${(error as Error).message}`,
      { cause: error },
    );
  }
  const schema: TemplateSchema = {
    template,
    schemaFile,
    inputType,
    validate(inputs) {
      return validator(inputs) ? [] : [...(validator.errors ?? [])];
    },
  };
  cache.set(schemaFile, schema);
  return schema;
}

function protonInputType(schemaFile: string, template: TemplateRef): SchemaObject {
  const document = parse(readFileSync(schemaFile, 'utf8')) as {
    schema?: {
      environment_input_type?: unknown;
      service_input_type?: unknown;
      types?: Record<string, unknown>;
    };
  } | null;
  const typeName = document?.schema?.environment_input_type ?? document?.schema?.service_input_type;
  const type = typeof typeName === 'string' ? document?.schema?.types?.[typeName] : undefined;
  if (!isObject(type)) {
    throw new Error(
      `${schemaFile}: ${templateId(template)} has no input type; it needs schema.environment_input_type (or service_input_type) naming an entry of schema.types`,
    );
  }
  return closeObjects(structuredClone(type));
}

// Proton leaves unknown inputs alone; here an input name that is not in the schema is almost
// always a typo ("wafe: true" silently meaning "no WAF"), so every object type is closed.
function closeObjects(schema: SchemaObject): SchemaObject {
  if (schema.type === 'object' && schema.additionalProperties === undefined) {
    schema.additionalProperties = false;
  }
  for (const child of Object.values(isObject(schema.properties) ? schema.properties : {})) {
    if (isObject(child)) closeObjects(child);
  }
  if (isObject(schema.items)) closeObjects(schema.items);
  return schema;
}

function isObject(value: unknown): value is SchemaObject {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}
