import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parse } from 'yaml';
import type { TemplateRef } from './EnvironmentSpec.js';

/** What a service template's `.template-registration.yaml` declares. */
export interface TemplateRegistration {
  readonly file: string;
  /** Environment templates it runs on, as Proton writes them: `stack-env:1`. */
  readonly compatibleEnvironments: readonly string[];
}

/** `<root>/<name>/v<major>/.template-registration.yaml` */
export function templateRegistrationFile(templatesRoot: string, template: TemplateRef): string {
  return join(templatesRoot, template.name, `v${template.major}`, '.template-registration.yaml');
}

/** `stack-env:1`: an environment template as `compatible_environments` names it. */
export function compatibilityId(template: TemplateRef): string {
  return `${template.name}:${template.major}`;
}

/**
 * Reads a service template's registration. A template without one, or without
 * `compatible_environments`, is compatible with no environment: the pipeline must not guess.
 */
export function readTemplateRegistration(
  templatesRoot: string,
  template: TemplateRef,
): TemplateRegistration {
  const file = templateRegistrationFile(templatesRoot, template);
  if (!existsSync(file)) return { file, compatibleEnvironments: [] };
  const document = parse(readFileSync(file, 'utf8')) as {
    compatible_environments?: unknown;
  } | null;
  const list = document?.compatible_environments;
  return {
    file,
    compatibleEnvironments: Array.isArray(list)
      ? list.filter((entry): entry is string => typeof entry === 'string')
      : [],
  };
}
