import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

/** A throwaway services folder: `<dir>/<name>/service.yaml` per written service. */
export interface TempServices {
  readonly dir: string;
  /** Writes `<dir>/<service>/service.yaml`; returns its absolute path. */
  write(service: string, text: string): string;
  remove(): void;
}

/** Creates an empty temp services folder. */
export function tempServices(): TempServices {
  const dir = mkdtempSync(join(tmpdir(), 'stack-services-'));
  return {
    dir,
    write(service, text) {
      mkdirSync(join(dir, service), { recursive: true });
      const path = join(dir, service, 'service.yaml');
      writeFileSync(path, text);
      return path;
    },
    remove() {
      rmSync(dir, { recursive: true, force: true });
    },
  };
}

/** A ServiceSpec for graphql-subgraph@1 whose `spec:` block is the given lines, then `tail`. */
export function serviceYaml(
  specLines: readonly string[],
  options: { template?: string; tail?: readonly string[] } = {},
): string {
  return [
    'proton: ServiceSpec',
    `template: ${options.template ?? 'graphql-subgraph@1'}`,
    'spec:',
    ...specLines.map((line) => `  ${line}`),
    ...(options.tail ?? []),
    '',
  ].join('\n');
}
