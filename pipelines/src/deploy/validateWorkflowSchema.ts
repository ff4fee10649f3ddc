import { createRequire } from 'node:module';

/** One problem action-validator found: where in the workflow (a JSON pointer) and what. */
export interface SchemaProblem {
  readonly code: string;
  readonly title: string;
  readonly detail?: string;
  /** JSON pointer into the workflow, e.g. `/jobs/deploy/steps/0`; absent for YAML syntax errors. */
  readonly path?: string;
  /** Where a YAML syntax error is. */
  readonly location?: { readonly line: number; readonly column: number };
  /** For `one_of`/`any_of`: why each alternative failed (a job is a normal job or a reusable call). */
  readonly states?: readonly { readonly errors: readonly SchemaProblem[] }[];
}

interface ValidationState {
  readonly errors: readonly SchemaProblem[];
}

type ValidateWorkflow = (text: string) => ValidationState;

let validate: ValidateWorkflow | undefined;

/**
 * action-validator's core (Rust compiled to WebAssembly) is a dependency of its CLI, the package
 * the repository installs, so it is required from there: a CommonJS module that loads its wasm.
 */
function loadValidator(): ValidateWorkflow {
  const fromCli = createRequire(
    createRequire(import.meta.url).resolve('@action-validator/cli/package.json'),
  );
  return (fromCli('@action-validator/core') as { validateWorkflow: ValidateWorkflow })
    .validateWorkflow;
}

/**
 * What action-validator (mpalmer/action-validator, 0.6) finds in a workflow's text: keys and
 * values the GitHub Actions workflow schema does not allow, missing required keys, YAML syntax.
 * A second opinion next to actionlint, which checks expressions and `needs` but not every key.
 * Empty when the workflow passes.
 */
export function validateWorkflowSchema(text: string): SchemaProblem[] {
  validate ??= loadValidator();
  return [...validate(text).errors];
}

/**
 * `deploy.yml /jobs/x: <title>: <detail> [<code>]`, with the details of the alternatives a
 * `one_of` failure tried (`Additional property 'stepz' is not allowed`), each once.
 */
export function formatSchemaProblem(fileName: string, problem: SchemaProblem): string {
  const where =
    problem.path ||
    (problem.location ? `${problem.location.line}:${problem.location.column}` : '/');
  const details = [...new Set(collectDetails(problem))];
  return `${fileName} ${where}: ${problem.title}${details.length > 0 ? `: ${details.join('; ')}` : ''} [${problem.code}]`;
}

function collectDetails(problem: SchemaProblem): string[] {
  return [
    ...(problem.detail ? [problem.detail] : []),
    ...(problem.states ?? []).flatMap((state) => state.errors.flatMap(collectDetails)),
  ];
}
