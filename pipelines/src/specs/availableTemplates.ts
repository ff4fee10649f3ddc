import { existsSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import type { TemplateRef } from './EnvironmentSpec.js';

/** `stack-env@1` */
export function templateId(template: TemplateRef): string {
  return `${template.name}@${template.major}`;
}

/** The schema file of a template: `<root>/<name>/v<major>/schema/schema.yaml`. */
export function templateSchemaFile(templatesRoot: string, template: TemplateRef): string {
  return join(templatesRoot, template.name, `v${template.major}`, 'schema', 'schema.yaml');
}

/** Every template version under a templates root that has a schema, sorted by name then major. */
export function availableTemplates(templatesRoot: string): TemplateRef[] {
  if (!existsSync(templatesRoot)) return [];
  const found: TemplateRef[] = [];
  for (const name of readdirSync(templatesRoot, { withFileTypes: true })) {
    if (!name.isDirectory()) continue;
    for (const version of readdirSync(join(templatesRoot, name.name), { withFileTypes: true })) {
      const major = /^v([1-9]\d*)$/.exec(version.name)?.[1];
      if (!version.isDirectory() || major === undefined) continue;
      const template = { name: name.name, major: Number(major) };
      if (existsSync(templateSchemaFile(templatesRoot, template))) found.push(template);
    }
  }
  return found.sort((a, b) => a.name.localeCompare(b.name) || a.major - b.major);
}
