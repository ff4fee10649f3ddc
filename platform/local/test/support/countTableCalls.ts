import { documentClient } from '@stack/kit';

/**
 * Counts the DynamoDB commands the process-wide Document client sends (by command name), via
 * SDK middleware: the honest measure of "table calls per query".
 */
export function countTableCalls() {
  const counts = new Map<string, number>();
  let counting = false;
  const name = `count-table-calls-${Math.random()}`;
  documentClient().middlewareStack.add(
    (next, context) => async (args) => {
      if (counting)
        counts.set(
          context.commandName ?? 'unknown',
          (counts.get(context.commandName ?? 'unknown') ?? 0) + 1,
        );
      return next(args);
    },
    { step: 'initialize', name },
  );
  return {
    /** Counts the table calls made while `action` runs. */
    async during<T>(
      action: () => Promise<T>,
    ): Promise<{ result: T; total: number; byCommand: Record<string, number> }> {
      counts.clear();
      counting = true;
      try {
        const result = await action();
        return {
          result,
          total: [...counts.values()].reduce((a, b) => a + b, 0),
          byCommand: Object.fromEntries(counts),
        };
      } finally {
        counting = false;
      }
    },
    remove: () => documentClient().middlewareStack.remove(name),
  };
}
