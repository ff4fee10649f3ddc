import {
  copyFileSync,
  mkdirSync,
  mkdtempSync,
  readdirSync,
  rmSync,
  symlinkSync,
  writeFileSync,
} from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { repoRoot } from '../../src/paths.js';

/** A throwaway repository root whose environment specs a test may change. */
export interface TempRepo {
  readonly root: string;
  /** Writes `pipelines/environments/<file>`. */
  writeSpec(file: string, text: string): void;
  remove(): void;
}

/**
 * A repository root with a copy of pipelines/environments and pipelines/accounts.yaml, and links
 * to the real templates and services, so a test can add an environment without touching the repo.
 */
export function tempRepo(): TempRepo {
  const root = mkdtempSync(join(tmpdir(), 'stack-deploy-repo-'));
  const specsDir = join(root, 'pipelines', 'environments');
  mkdirSync(specsDir, { recursive: true });
  const shippedSpecs = join(repoRoot, 'pipelines', 'environments');
  for (const file of readdirSync(shippedSpecs)) {
    copyFileSync(join(shippedSpecs, file), join(specsDir, file));
  }
  copyFileSync(
    join(repoRoot, 'pipelines', 'accounts.yaml'),
    join(root, 'pipelines', 'accounts.yaml'),
  );
  for (const folder of ['environment-templates', 'services', 'service-templates']) {
    symlinkSync(join(repoRoot, folder), join(root, folder), 'dir');
  }
  return {
    root,
    writeSpec(file, text) {
      writeFileSync(join(specsDir, file), text);
    },
    remove() {
      rmSync(root, { recursive: true, force: true });
    },
  };
}
