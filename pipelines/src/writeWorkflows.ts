// `npm run workflows`: renders every workflow registered in pipelines/src/workflows/registry.ts,
// checks it with actionlint and writes it into .github/workflows/. Flags:
//   --check       write nothing; exit 1 listing each file that differs (with the first changed
//                 lines), is missing, or should not be there
//   --dir <dir>   the workflows folder to write or check (default <repo>/.github/workflows)
import { join, resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { repoRoot } from './paths.js';
import { syncWorkflows } from './workflows/syncWorkflows.js';

let values: { check: boolean; dir?: string | undefined };
try {
  ({ values } = parseArgs({
    options: { check: { type: 'boolean', default: false }, dir: { type: 'string' } },
  }));
} catch (error) {
  process.stderr.write(
    `workflows: ${(error as Error).message}\nusage: npm run workflows [-- --check] [--dir <dir>]\n`,
  );
  process.exit(1);
}

// `npm run -w` starts this in pipelines/; npm keeps the caller's folder in INIT_CWD.
const callerDir = process.env.INIT_CWD ?? process.cwd();

process.exitCode = await syncWorkflows(
  {
    repoRoot,
    workflowsDir:
      values.dir === undefined
        ? join(repoRoot, '.github', 'workflows')
        : resolve(callerDir, values.dir),
    check: values.check,
  },
  {
    out: (text) => process.stdout.write(text),
    err: (text) => process.stderr.write(text),
  },
);
