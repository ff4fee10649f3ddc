import { documentClient } from '../dynamo/documentClient.js';

/** Table calls made while an action ran, by DynamoDB command name. */
export interface TableCalls<T> {
  readonly result: T;
  readonly total: number;
  readonly byCommand: Readonly<Record<string, number>>;
}

/** Counts table calls of the process-wide Document client. */
export interface TableCallCounter {
  /** Counts the table calls made while `action` runs. */
  during<T>(action: () => Promise<T>): Promise<TableCalls<T>>;
  /** Removes the middleware. */
  remove(): void;
}

/**
 * Counts the DynamoDB commands the kit's process-wide Document client sends, by command name,
 * with SDK middleware at the initialize step: one count per command the services issue
 * (retries of one command are not counted twice), which is what "table calls per query" means.
 */
export function countTableCalls(): TableCallCounter {
  const counts = new Map<string, number>();
  let counting = false;
  const name = `stack-count-table-calls-${process.hrtime.bigint()}`;
  const client = documentClient();
  client.middlewareStack.add(
    (next, context) => async (args) => {
      if (counting) {
        // The Document client's commands run as the low-level ones (BatchGetItemCommand).
        const command = context.commandName ?? 'unknown';
        counts.set(command, (counts.get(command) ?? 0) + 1);
      }
      return next(args);
    },
    { step: 'initialize', name },
  );
  return {
    async during(action) {
      counts.clear();
      counting = true;
      try {
        const result = await action();
        return {
          result,
          total: [...counts.values()].reduce((sum, count) => sum + count, 0),
          byCommand: Object.fromEntries(counts),
        };
      } finally {
        counting = false;
      }
    },
    remove: () => {
      client.middlewareStack.remove(name);
    },
  };
}
