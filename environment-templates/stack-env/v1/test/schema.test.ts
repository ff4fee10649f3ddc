import { describe, expect, it } from '@jest/globals';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { REPOSITORY_ROOT } from '../infrastructure/repositoryPaths.js';
import { DEFAULT_INPUTS } from './support/synthesizeEnvironment.js';

interface SchemaInput {
  readonly name: string;
  readonly defaultValue?: string;
}

/**
 * The inputs of schema/schema.yaml with their defaults, read as text: properties are the keys
 * indented eight spaces under `properties:`, defaults their `default:` lines.
 */
function schemaInputs(): SchemaInput[] {
  const schema = readFileSync(
    join(REPOSITORY_ROOT, 'environment-templates/stack-env/v1/schema/schema.yaml'),
    'utf8',
  );
  const properties = schema.slice(schema.indexOf('      properties:'));
  return [...properties.matchAll(/^ {8}(\w+):\n((?: {10}.*\n)+)/gm)].map(([, name, body]) => {
    const defaultValue = /^ {10}default: (.+)$/m.exec(body ?? '')?.[1];
    return { name: name ?? '', ...(defaultValue !== undefined && { defaultValue }) };
  });
}

describe('schema/schema.yaml', () => {
  it('has the defaults the template and its tests assume', () => {
    // Act
    const defaults = Object.fromEntries(
      schemaInputs()
        .filter((input) => input.defaultValue !== undefined)
        .map((input) => [input.name, input.defaultValue]),
    );

    // Assess
    expect(defaults).toEqual(
      Object.fromEntries(
        Object.entries(DEFAULT_INPUTS).map(([key, value]) => [key, String(value)]),
      ),
    );
  });

  it('has every input documented in docs/environment-template.md', () => {
    // Prepare
    const docs = readFileSync(join(REPOSITORY_ROOT, 'docs/environment-template.md'), 'utf8');

    // Act
    const undocumented = schemaInputs()
      .map((input) => input.name)
      .filter((name) => !docs.includes(`| \`${name}\``));

    // Assess
    expect(schemaInputs().length).toBe(14);
    expect(undocumented).toEqual([]);
  });
});
