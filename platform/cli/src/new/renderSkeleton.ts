import { mkdirSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname, join, relative } from 'node:path';

/** The values a skeleton's placeholders take. */
export interface SkeletonValues {
  /** `__name__`: the service name, e.g. `inventory`. */
  readonly name: string;
  /** `__owner__`: the owning team. */
  readonly owner: string;
  /** `__Entity__`: the main type, e.g. `InventoryItem`. */
  readonly entity: string;
}

/** `inventory-items` → `InventoryItems` */
export function pascalCase(name: string): string {
  return name
    .split('-')
    .map((part) => part.charAt(0).toUpperCase() + part.slice(1))
    .join('');
}

function replacements(values: SkeletonValues): [string, string][] {
  const entity = values.entity;
  return [
    ['__ENTITY__', entity.replace(/([a-z0-9])([A-Z])/g, '$1_$2').toUpperCase()],
    ['__Entity__', entity],
    ['__entity__', entity.charAt(0).toLowerCase() + entity.slice(1)],
    ['__Name__', pascalCase(values.name)],
    ['__name__', values.name],
    ['__owner__', values.owner],
  ];
}

/** Replaces every placeholder in a text or a path. */
export function fillPlaceholders(text: string, values: SkeletonValues): string {
  return replacements(values).reduce((out, [from, to]) => out.split(from).join(to), text);
}

/**
 * Renders every `*.tmpl` file of `skeletonDir` into `targetDir` (suffix dropped, placeholders
 * replaced in paths and contents); returns the written paths relative to `targetDir`.
 */
export function renderSkeleton(
  skeletonDir: string,
  targetDir: string,
  values: SkeletonValues,
): string[] {
  const written: string[] = [];
  const walk = (dir: string) => {
    for (const entry of readdirSync(dir, { withFileTypes: true })) {
      const source = join(dir, entry.name);
      if (entry.isDirectory()) {
        walk(source);
      } else if (entry.name.endsWith('.tmpl')) {
        const path = fillPlaceholders(
          relative(skeletonDir, source).slice(0, -'.tmpl'.length),
          values,
        );
        const target = join(targetDir, path);
        mkdirSync(dirname(target), { recursive: true });
        writeFileSync(target, fillPlaceholders(readFileSync(source, 'utf8'), values));
        written.push(path);
      }
    }
  };
  walk(skeletonDir);
  return written.sort();
}
