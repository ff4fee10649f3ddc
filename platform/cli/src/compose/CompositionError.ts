/** One composition error, located in the subgraph schema files it comes from. */
export interface CompositionProblem {
  /** `services/<name>/schema.graphql[:line:column]` entries; empty when nothing points to a file. */
  locations: string[];
  /** The federation error code, e.g. INVALID_FIELD_SHARING. */
  code: string;
  message: string;
}

/** Thrown when the subgraph schemas do not compose; the message lists every problem. */
export class CompositionError extends Error {
  readonly problems: readonly CompositionProblem[];

  constructor(problems: readonly CompositionProblem[]) {
    super(formatProblems(problems));
    this.name = 'CompositionError';
    this.problems = problems;
  }
}

function formatProblems(problems: readonly CompositionProblem[]): string {
  const lines = [
    `supergraph composition failed with ${problems.length} error${problems.length === 1 ? '' : 's'}:`,
  ];
  problems.forEach((problem, index) => {
    const where = problem.locations.length > 0 ? problem.locations.join(', ') : '(no file)';
    lines.push('', `${index + 1}. ${where}`, `   ${problem.code}: ${indent(problem.message)}`);
  });
  lines.push('', 'Fix the schemas above and run npx stack compose again.');
  return lines.join('\n');
}

// Satisfiability errors span several lines; keep them under their number.
function indent(message: string): string {
  return message.replace(/\n/g, '\n   ');
}
