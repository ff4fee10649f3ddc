import { relative } from 'node:path';

/** One thing wrong in one spec file, located at a line and column. */
export interface SpecProblem {
  /** Absolute path of the spec file. */
  readonly file: string;
  /** 1-based line and column; 1:1 when the problem concerns the file as a whole. */
  readonly line: number;
  readonly column: number;
  /** JSON pointer inside the document (`/spec/waf`); empty for the file itself or its syntax. */
  readonly path: string;
  /** What is wrong and how to fix it. */
  readonly message: string;
}

/** Which kind of spec a SpecError is about. */
export type SpecKind = 'environment' | 'service' | 'accounts';

/** Thrown when one or more specs are invalid; the message lists every problem. */
export class SpecError extends Error {
  readonly problems: readonly SpecProblem[];

  constructor(problems: readonly SpecProblem[], kind: SpecKind = 'environment') {
    super(formatProblems(problems, kind));
    this.name = 'SpecError';
    this.problems = problems;
  }
}

/** `pipelines/environments/integration.yaml:4:9 /spec/wafe: unknown input "wafe" …` */
export function formatProblem(problem: SpecProblem): string {
  const where = `${displayPath(problem.file)}:${problem.line}:${problem.column}`;
  return problem.path === ''
    ? `${where} ${problem.message}`
    : `${where} ${problem.path}: ${problem.message}`;
}

function formatProblems(problems: readonly SpecProblem[], kind: SpecKind): string {
  const count = `${problems.length} problem${problems.length === 1 ? '' : 's'}`;
  if (kind === 'accounts') {
    return [
      `invalid accounts file (${count}):`,
      ...problems.map((problem) => `  ${formatProblem(problem)}`),
      'pipelines/accounts.yaml lists one account per purpose; docs/accounts.md explains each.',
    ].join('\n');
  }
  return [
    `invalid ${kind} specs (${count}):`,
    ...problems.map((problem) => `  ${formatProblem(problem)}`),
    `Each template documents its inputs in ${kind}-templates/<name>/v<major>/schema/schema.yaml.`,
  ].join('\n');
}

// Inside the working directory a relative path is shorter and clickable; elsewhere absolute.
function displayPath(file: string): string {
  const fromCwd = relative(process.cwd(), file);
  return fromCwd === '' || fromCwd.startsWith('..') ? file : fromCwd;
}
