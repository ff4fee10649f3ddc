/**
 * Everything the bench started, stopped in reverse order. Suites register what they start as
 * soon as it runs, so a failure (or Ctrl-C) anywhere still stops servers, DynamoDB Local and
 * child processes.
 */
export class Cleanup {
  private readonly steps: { readonly name: string; readonly run: () => Promise<void> }[] = [];

  /** Registers a stop step; returns a function that runs it now and forgets it. */
  add(name: string, run: () => Promise<void> | void): () => Promise<void> {
    const step = { name, run: async () => run() };
    this.steps.push(step);
    return async () => {
      const index = this.steps.indexOf(step);
      if (index < 0) return;
      this.steps.splice(index, 1);
      await step.run();
    };
  }

  /** Runs every registered step, newest first; a failing step is reported, not fatal. */
  async runAll(report: (line: string) => void = () => undefined): Promise<void> {
    while (this.steps.length > 0) {
      const step = this.steps.pop();
      if (!step) break;
      try {
        await step.run();
      } catch (error) {
        report(`cleanup: stopping ${step.name} failed: ${(error as Error).message}`);
      }
    }
  }
}
