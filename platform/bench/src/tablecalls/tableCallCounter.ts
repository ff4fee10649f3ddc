import { countTableCalls, type TableCallCounter } from '@stack/kit/testing';

/**
 * The kit's table-call counter, with command names as the bench reports them
 * (BatchGetItemCommand → BatchGetItem).
 */
export function tableCallCounter(): TableCallCounter {
  const counter = countTableCalls();
  return {
    async during(action) {
      const counted = await counter.during(action);
      const byCommand = Object.fromEntries(
        Object.entries(counted.byCommand).map(([name, count]) => [
          name.replace(/Command$/, ''),
          count,
        ]),
      );
      return { ...counted, byCommand };
    },
    remove: () => counter.remove(),
  };
}
