import { join } from 'node:path';
import { repoRoot as defaultRepoRoot } from '../paths.js';
import { script } from './script.js';
import { serviceTemplateNames } from './serviceTemplateNames.js';
import type { Workflow } from './Workflow.js';
import type { WorkflowContext } from './WorkflowBuilder.js';

/** Where the pull request's body is written between steps. */
const BODY_FILE = '$RUNNER_TEMP/pull-request.md';
/** What `stack new service` printed: the generated files, quoted in the pull request. */
const CLI_OUTPUT = '$RUNNER_TEMP/stack-new.txt';

/**
 * `.github/workflows/request-service.yml` (issue #6): a form in the Actions tab that runs
 * `stack new service`, tests the new service and opens the pull request that requests it.
 * Inputs reach the scripts only as environment variables. The template choice lists the
 * templates in `service-templates/` when the workflow is generated, so a new template appears
 * after `npm run workflows`.
 */
export function requestServiceWorkflow(
  context: WorkflowContext = { repoRoot: defaultRepoRoot },
): Workflow {
  const templates = serviceTemplateNames(join(context.repoRoot, 'service-templates'));
  if (templates.length === 0) {
    throw new Error(
      `request-service.yml: no service template with a skeleton under ${join(context.repoRoot, 'service-templates')}`,
    );
  }
  const inputs = {
    NAME: '${{ inputs.name }}',
    TEMPLATE: '${{ inputs.template }}',
    OWNER: '${{ inputs.owner }}',
    ENTITY: '${{ inputs.entity }}',
  };
  const requester = {
    ACTOR: '${{ github.actor }}',
    RUN_URL: '${{ github.server_url }}/${{ github.repository }}/actions/runs/${{ github.run_id }}',
  };
  return {
    name: 'Request a service',
    'run-name': 'Request service ${{ inputs.name }} (${{ inputs.template }})',
    on: {
      workflow_dispatch: {
        inputs: {
          name: {
            type: 'string',
            description:
              'Service name: lowercase kebab-case, 2-40 characters (becomes services/<name>/)',
            required: true,
          },
          template: {
            type: 'choice',
            description: 'Service template (service-templates/<template>/, newest major version)',
            required: true,
            options: templates,
          },
          owner: {
            type: 'string',
            description: 'Owning team: team-<name>, e.g. team-stock',
            required: true,
          },
          entity: {
            type: 'string',
            description:
              'Main GraphQL type in PascalCase, only for templates with a GraphQL schema (empty: the name in PascalCase)',
            required: false,
          },
        },
      },
    },
    // Push the branch and open the pull request; nothing else.
    permissions: { contents: 'write', 'pull-requests': 'write' },
    // Two requests for one name would race for the same branch; the second waits, then fails
    // on the branch check with a clear message.
    concurrency: { group: 'request-service-${{ inputs.name }}', 'cancel-in-progress': false },
    jobs: {
      'request-service': {
        name: 'Open the pull request for services/${{ inputs.name }}',
        'runs-on': 'ubuntu-latest',
        'timeout-minutes': 20,
        // An explicit bash runs with -o pipefail: `stack new … | tee` fails when stack fails.
        defaults: { run: { shell: 'bash' } },
        steps: [
          { name: 'Check out', uses: 'actions/checkout@v4' },
          {
            name: 'Set up Node.js 20',
            uses: 'actions/setup-node@v4',
            with: { 'node-version': 20, cache: 'npm' },
          },
          { name: 'Install dependencies', run: 'npm ci --no-audit --no-fund' },
          {
            name: 'Generate the service with stack new service',
            id: 'generate',
            env: inputs,
            run: script(
              'entity=()',
              'if [ -n "$ENTITY" ]; then entity=(--entity "$ENTITY"); fi',
              `npx stack new service "$NAME" --template "$TEMPLATE" --owner "$OWNER" "\${entity[@]}" | tee "${CLI_OUTPUT}"`,
            ),
          },
          {
            // After generation: `stack new service` has checked the name by then.
            name: 'Check that no request for this name is open',
            id: 'branch-free',
            env: { NAME: inputs.NAME },
            run: script(
              'if git ls-remote --exit-code --heads origin "service/$NAME" >/dev/null; then',
              '  echo "::error::branch service/$NAME exists already: a request for this service is open (or its branch was not deleted); close it and delete the branch, or choose another name"',
              '  exit 1',
              'fi',
            ),
          },
          {
            // The new folder is a new npm workspace: link it (and record it in the lock file)
            // before its tests can import @stack/kit.
            name: 'Link the new workspace',
            run: 'npm install --no-audit --no-fund',
          },
          {
            name: "Run the new service's tests",
            env: { NAME: inputs.NAME },
            run: 'npm test -- "services/$NAME"',
          },
          {
            // deploy.yml lists every service stack: regenerate it, or CI's drift check fails.
            name: 'Regenerate the workflows',
            run: 'npm run workflows',
          },
          {
            name: 'Commit to service/<name> and push',
            id: 'commit',
            env: { NAME: inputs.NAME, TEMPLATE: inputs.TEMPLATE, ...requester },
            run: script(
              "git config user.name 'github-actions[bot]'",
              "git config user.email '41898282+github-actions[bot]@users.noreply.github.com'",
              'git switch --create "service/$NAME"',
              'git add --all services tsconfig.json package-lock.json .github/workflows',
              'git commit --message "Add the $NAME service ($TEMPLATE)" --message "Requested by @$ACTOR through the request-service workflow: $RUN_URL"',
              'git push --set-upstream origin "service/$NAME"',
            ),
          },
          {
            name: 'Open the pull request',
            id: 'pull-request',
            env: {
              GH_TOKEN: '${{ secrets.GITHUB_TOKEN }}',
              NAME: inputs.NAME,
              TEMPLATE: inputs.TEMPLATE,
              BASE: '${{ github.ref_name }}',
              ...requester,
            },
            run: script(
              '{',
              `  printf 'Requested by @%s through the [request-service workflow](%s).\\n\\n' "$ACTOR" "$RUN_URL"`,
              "  printf '## What was generated\\n\\n```text\\n'",
              // The CLI's own next steps (install, test, branch, commit, PR) are done by now.
              `  sed '/^Next steps:/,$d' "${CLI_OUTPUT}"`,
              "  printf '```\\n\\n## Next steps\\n\\n'",
              `  printf '1. Review \`services/%s/service.yaml\`: the owner and the inputs (see \`service-templates/%s/\`).\\n' "$NAME" "$TEMPLATE"`,
              `  printf '2. Replace the example code from the template with the real code on this branch; \`npm test -- services/%s\` runs its tests.\\n' "$NAME"`,
              "  printf '3. Close and reopen this pull request to start CI: GitHub starts no workflow for a pull request opened with the workflow token.\\n'",
              "  printf '4. Merge: the deploy pipeline rolls the service out wave by wave (integration, then production).\\n'",
              `} > "${BODY_FILE}"`,
              `gh pr create --base "$BASE" --head "service/$NAME" --title "Add the $NAME service ($TEMPLATE)" --body-file "${BODY_FILE}"`,
            ),
          },
        ],
      },
    },
  };
}
