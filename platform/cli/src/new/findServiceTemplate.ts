import { existsSync, readdirSync } from 'node:fs';
import { join } from 'node:path';

/** A service template version that has a skeleton to render. */
export interface ServiceTemplateVersion {
  readonly name: string;
  readonly major: number;
  /** Absolute path of `service-templates/<name>/v<major>`. */
  readonly dir: string;
}

/** Every version of every service template under the repository, by name then major. */
export function listServiceTemplates(repoRoot: string): ServiceTemplateVersion[] {
  const root = join(repoRoot, 'service-templates');
  if (!existsSync(root)) return [];
  return readdirSync(root, { withFileTypes: true })
    .filter((entry) => entry.isDirectory())
    .flatMap((entry) =>
      readdirSync(join(root, entry.name), { withFileTypes: true }).flatMap((version) => {
        const major = /^v([1-9]\d*)$/.exec(version.name)?.[1];
        const dir = join(root, entry.name, version.name);
        return version.isDirectory() && major && existsSync(join(dir, 'schema', 'schema.yaml'))
          ? [{ name: entry.name, major: Number(major), dir }]
          : [];
      }),
    )
    .sort((a, b) => a.name.localeCompare(b.name) || a.major - b.major);
}

/**
 * Resolves `--template <name>[@<major>]` to a version with a skeleton (the newest major when
 * none is given); throws with the available templates when there is none.
 */
export function findServiceTemplate(repoRoot: string, reference: string): ServiceTemplateVersion {
  const [name, majorText] = reference.split('@');
  const all = listServiceTemplates(repoRoot).filter((t) => existsSync(join(t.dir, 'skeleton')));
  const available = [...new Set(all.map((t) => t.name))].join(', ') || 'none';
  const candidates = all.filter(
    (t) => t.name === name && (majorText === undefined || t.major === Number(majorText)),
  );
  const found = candidates.at(-1);
  if (!found) {
    throw new Error(
      `unknown service template "${reference}" (available: ${available}; see service-templates/)`,
    );
  }
  return found;
}
