import { existsSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { firstDifference } from '../workflows/firstDifference.js';
import { renderWorkflow } from '../workflows/renderWorkflow.js';
import { libraryWorkflowPath } from './addDeployPipeline.js';
import { DEPLOY_WORKFLOW_FILE } from './addGitHubWorkflow.js';
import { patchDeployWorkflow } from './patchDeployWorkflow.js';

/** Where the asset jobs of deploy.yml put the downloaded cloud assembly (the library's choice). */
const DOWNLOADED_ASSEMBLY = 'cdk.out';

/**
 * Makes the asset publishing scripts cdk-pipelines-github wrote into the assembly
 * (`assembly-<stage>/publish-<job>-step.sh`) name the manifests relative to `cdk.out`: the library
 * writes the app's outdir into them, an absolute path on the synth runner, while the asset jobs
 * run them from the folder they downloaded the assembly to. Returns how many scripts it changed.
 */
export function relocatePublishScripts(outdir: string): number {
  const absolute = `--path "${outdir.replaceAll('\\', '/').replace(/\/$/, '')}/`;
  let changed = 0;
  for (const entry of readdirSync(outdir, { withFileTypes: true })) {
    if (!entry.isDirectory() || !entry.name.startsWith('assembly-')) continue;
    const dir = join(outdir, entry.name);
    for (const name of readdirSync(dir)) {
      if (!/^publish-.+-step\.sh$/.test(name)) continue;
      const file = join(dir, name);
      const script = readFileSync(file, 'utf8');
      const relocated = script.replaceAll(absolute, `--path "${DOWNLOADED_ASSEMBLY}/`);
      if (relocated !== script) {
        writeFileSync(file, relocated);
        changed++;
      }
    }
  }
  return changed;
}

/**
 * Compares the deploy workflow this assembly implies (the library's YAML from the synthesis,
 * patched) with `<workflowsDir>/deploy.yml`; undefined when they are equal, else what differs.
 * The committed file is generated offline without bundling, and its asset jobs must match the
 * publish scripts of the bundled assembly the pipeline really deploys.
 */
export function deployWorkflowDrift(outdir: string, workflowsDir: string): string | undefined {
  const expected = renderWorkflow(
    patchDeployWorkflow(readFileSync(libraryWorkflowPath(outdir), 'utf8')),
  );
  const file = join(workflowsDir, DEPLOY_WORKFLOW_FILE);
  const committed = existsSync(file) ? readFileSync(file, 'utf8') : '';
  if (committed === expected) return undefined;
  return [
    `${file} does not match the pipeline this synthesis built (- on disk, + from this assembly):`,
    ...firstDifference(committed, expected).map((line) => `    ${line}`),
  ].join('\n');
}
