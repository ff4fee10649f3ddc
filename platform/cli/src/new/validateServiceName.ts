import { existsSync } from 'node:fs';
import { join } from 'node:path';

/**
 * Names a new service may not take: the platform's own parts, and words that would make keys,
 * event sources or function names ambiguous.
 */
export const RESERVED_SERVICE_NAMES = [
  'router',
  'authorizer',
  'kit',
  'local',
  'cli',
  'stack',
  'platform',
  'pipelines',
  'environment',
  'services',
  'web',
  'admin',
  'aws',
  'test',
] as const;

const KEBAB = /^[a-z][a-z0-9]*(-[a-z0-9]+)*$/;

/** Why `name` cannot be a new service under `repoRoot`, or undefined when it can. */
export function serviceNameProblem(repoRoot: string, name: string): string | undefined {
  if (name.length < 2 || name.length > 40) {
    return `service name "${name}" is ${name.length} character${name.length === 1 ? '' : 's'} long; it must be 2-40 (it prefixes table keys, the event source stack.<name> and the function name)`;
  }
  if (!KEBAB.test(name)) {
    const suggestion = name
      .replace(/([a-z0-9])([A-Z])/g, '$1-$2')
      .toLowerCase()
      .replace(/[^a-z0-9]+/g, '-')
      .replace(/^-+|-+$/g, '');
    return `service name "${name}" must be lowercase kebab-case: letters a-z, digits and single dashes, starting with a letter${KEBAB.test(suggestion) && suggestion.length >= 2 ? ` (e.g. "${suggestion}")` : ''}`;
  }
  if ((RESERVED_SERVICE_NAMES as readonly string[]).includes(name)) {
    return `service name "${name}" is reserved (reserved: ${RESERVED_SERVICE_NAMES.join(', ')}); choose another`;
  }
  if (existsSync(join(repoRoot, 'services', name))) {
    return `service "${name}" already exists (services/${name}/); choose another name, or upgrade it with stack upgrade`;
  }
  return undefined;
}
