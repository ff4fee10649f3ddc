import { existsSync, mkdirSync, readdirSync, rmSync } from 'node:fs';
import { join } from 'node:path';

/**
 * Empties a cloud assembly folder before synthesis, so an environment removed from the specs
 * leaves no stale assembly behind. Refuses a non-empty folder that is not a cloud assembly
 * (no manifest.json): `--out` pointing at the wrong place must not delete someone's files.
 */
export function prepareOutdir(outdir: string): void {
  if (existsSync(outdir) && readdirSync(outdir).length > 0) {
    if (!existsSync(join(outdir, 'manifest.json')) && !existsSync(join(outdir, REPORT))) {
      throw new Error(
        `${outdir} is not empty and holds no cloud assembly (manifest.json); synth empties its output folder, so point --out at an empty or new folder`,
      );
    }
    rmSync(outdir, { recursive: true, force: true });
  }
  mkdirSync(outdir, { recursive: true });
}

/** The report CDK writes into the assembly when validation plugins (cdk-nag) ran. */
export const REPORT = 'validation-report.json';

/**
 * After a failed synthesis: removes the half-written assembly, so nothing can deploy it or
 * price it, but keeps the validation report the error message points to.
 */
export function discardAssembly(outdir: string): void {
  if (!existsSync(outdir)) return;
  for (const entry of readdirSync(outdir)) {
    if (entry !== REPORT) rmSync(join(outdir, entry), { recursive: true, force: true });
  }
}
