import { copyFileSync, mkdtempSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { defaultSpecsDir } from '../../src/paths.js';

/** A throwaway folder of EnvironmentSpec files. */
export interface TempSpecs {
  readonly dir: string;
  /** Writes `<dir>/<file>` with the given text; returns its absolute path. */
  write(file: string, text: string): string;
  remove(): void;
}

/** Creates an empty temp specs folder, or a copy of the shipped pipelines/environments. */
export function tempSpecs(options: { copyShipped?: boolean } = {}): TempSpecs {
  const dir = mkdtempSync(join(tmpdir(), 'stack-specs-'));
  if (options.copyShipped) {
    for (const file of readdirSync(defaultSpecsDir)) {
      copyFileSync(join(defaultSpecsDir, file), join(dir, file));
    }
  }
  return {
    dir,
    write(file, text) {
      const path = join(dir, file);
      writeFileSync(path, text);
      return path;
    },
    remove() {
      rmSync(dir, { recursive: true, force: true });
    },
  };
}

/** A valid spec for stack-env@1 whose `spec:` block is the given YAML lines (2-space indented). */
export function specYaml(
  specLines: readonly string[],
  envelope: Partial<Record<string, string>> = {},
): string {
  const fields = {
    proton: 'EnvironmentSpec',
    template: 'stack-env@1',
    account: '"111111111111"',
    region: 'eu-west-1',
    wave: '1',
    ...envelope,
  };
  const head = Object.entries(fields).map(([key, value]) => `${key}: ${value}`);
  const spec =
    specLines.length === 0 ? ['spec: {}'] : ['spec:', ...specLines.map((line) => `  ${line}`)];
  return [...head, ...spec, ''].join('\n');
}
