import { checkoutStep, installStep, setupNodeStep } from './commonSteps.js';
import { script } from './script.js';
import type { Workflow } from './Workflow.js';

/**
 * The commands that regenerate every committed generated file: the workflows (synth writes
 * deploy.yml, `npm run workflows` the others), the supergraph and the subgraphs' typeDefs modules,
 * and the router's trusted documents.
 */
export const REGENERATE_COMMANDS = [
  'npm run synth',
  'npm run workflows',
  'npx stack compose',
  'npm run trusted-documents',
];

/** The message the drift check fails with. */
export const DRIFT_MESSAGE = `generated files are out of date: run ${REGENERATE_COMMANDS.join(' && ')}, then commit the result`;

/**
 * The drift check's last step: after regenerating, the checkout must be unchanged. New files
 * count too (`--intent-to-add` puts them into `git diff`); the diff is printed for the log.
 */
export const DRIFT_CHECK_SCRIPT = script(
  'git add --all --intent-to-add',
  'if git diff --quiet; then',
  "  echo 'generated files are up to date'",
  '  exit 0',
  'fi',
  'git --no-pager diff --stat',
  'git --no-pager diff',
  `echo "::error title=Generated files are out of date::${DRIFT_MESSAGE}"`,
  'exit 1',
);

/**
 * `.github/workflows/ci.yml` (issue #8): every pull request and every push to main runs the
 * repository's checks through `.ci/run`, the same script as on a laptop (it installs Chromium
 * and a JRE only when missing), and, in parallel, the pipeline's self-mutation guard: regenerate
 * everything generated and fail if anything differs from what is committed.
 */
export function ciWorkflow(): Workflow {
  return {
    name: 'CI',
    on: {
      // Pull requests into any branch; pushes to main, so main's own state is checked after
      // each merge. Branch pushes without a pull request run nothing (no double runs).
      push: { branches: ['main'] },
      pull_request: {},
    },
    permissions: { contents: 'read' },
    // A newer push to a pull request cancels its running checks; every run on main completes
    // (its group is the run's own id, so nothing shares it).
    concurrency: {
      group: "ci-${{ github.event_name == 'pull_request' && github.ref || github.run_id }}",
      'cancel-in-progress': true,
    },
    jobs: {
      test: {
        name: 'Lint, typecheck and test (.ci/run)',
        'runs-on': 'ubuntu-latest',
        'timeout-minutes': 45,
        steps: [
          checkoutStep(),
          setupNodeStep(),
          {
            name: 'Run .ci/run (npm ci, stack doctor, lint, typecheck, npm test)',
            run: '.ci/run',
          },
        ],
      },
      generated: {
        name: 'Generated files are up to date',
        'runs-on': 'ubuntu-latest',
        'timeout-minutes': 20,
        defaults: { run: { shell: 'bash' } },
        steps: [
          checkoutStep(),
          setupNodeStep(),
          installStep(),
          // Synth validates every spec and writes deploy.yml; its cloud assembly is ignored.
          { name: 'Regenerate: npm run synth', run: 'npm run synth' },
          { name: 'Regenerate: npm run workflows', run: 'npm run workflows' },
          // Also fails on composition errors and on breaking changes against the committed
          // supergraph.
          { name: 'Regenerate: npx stack compose', run: 'npx stack compose' },
          // The router's trusted documents from the web apps' persisted-documents.json; also
          // fails on a manifest whose hash is not the sha256 of its document.
          { name: 'Regenerate: npm run trusted-documents', run: 'npm run trusted-documents' },
          { name: 'Fail if a generated file changed', id: 'drift', run: DRIFT_CHECK_SCRIPT },
        ],
      },
    },
  };
}
