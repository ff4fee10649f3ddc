import { TransactionCanceledException } from '@aws-sdk/client-dynamodb';
import {
  TransactWriteCommand,
  type DynamoDBDocumentClient,
  type TransactWriteCommandInput,
} from '@aws-sdk/lib-dynamodb';

type TransactItems = NonNullable<TransactWriteCommandInput['TransactItems']>;

/** A transaction DynamoDB cancelled; `reasons[i]` is the code for item i (`None` when fine). */
export class TransactionCancelledError extends Error {
  constructor(readonly reasons: readonly string[]) {
    super(`Transaction cancelled: [${reasons.join(', ')}]`);
    this.name = 'TransactionCancelledError';
  }

  /** True when item `index` failed its condition expression. */
  failedCondition(index: number): boolean {
    return this.reasons[index] === 'ConditionalCheckFailed';
  }
}

/**
 * Writes items atomically with TransactWriteItems. Transactions that touch the same item at
 * the same time cancel each other (`TransactionConflict`), which the SDK does not retry: this
 * retries those with jittered backoff. Any other cancellation is thrown as a
 * TransactionCancelledError carrying the per-item reasons.
 */
export async function transactWrite(
  client: DynamoDBDocumentClient,
  items: TransactItems,
  options: { maxAttempts?: number } = {},
): Promise<void> {
  const maxAttempts = options.maxAttempts ?? 10;
  for (let attempt = 1; ; attempt += 1) {
    try {
      await client.send(new TransactWriteCommand({ TransactItems: items }));
      return;
    } catch (error) {
      if (!(error instanceof TransactionCanceledException)) throw error;
      const reasons = cancellationReasons(error, items.length);
      const conflictOnly = reasons.every(
        (reason) => reason === 'None' || reason === 'TransactionConflict',
      );
      if (!conflictOnly || attempt >= maxAttempts) throw new TransactionCancelledError(reasons);
      await new Promise((resolve) =>
        setTimeout(resolve, Math.random() * Math.min(500, 20 * 2 ** attempt)),
      );
    }
  }
}

function cancellationReasons(error: TransactionCanceledException, count: number): string[] {
  const structured = error.CancellationReasons?.map((reason) => reason.Code ?? 'None');
  if (structured && structured.length > 0) return structured;
  // DynamoDB Local has been seen to report the reasons only in the message:
  // "Transaction cancelled, please refer cancellation reasons for specific reasons [None, ConditionalCheckFailed]"
  const listed = /\[([^\]]*)\]\s*$/.exec(error.message)?.[1];
  const parsed = listed ? listed.split(',').map((reason) => reason.trim()) : [];
  return parsed.length === count ? parsed : Array.from({ length: count }, () => 'Unknown');
}
