import { DynamoDBClient } from '@aws-sdk/client-dynamodb';
import { IdempotencyConfig, makeIdempotent } from '@aws-lambda-powertools/idempotency';
import { DynamoDBPersistenceLayer } from '@aws-lambda-powertools/idempotency/dynamodb';
import { TABLE_SCHEMA } from '../dynamo/tableSchema.js';
import { idempotencyPartitionKey } from './idempotencyKeys.js';

/**
 * How long a record keeps a key "done": 14 days, the longest an SQS message lives in a queue or
 * its DLQ, so a message redriven from the DLQ is still recognised. The table's TTL
 * (`expiresAt`) deletes the record afterwards, free of charge.
 */
export const IDEMPOTENCY_EXPIRY_SECONDS = 14 * 24 * 60 * 60;

/** Options of `makeRecordIdempotent`. */
export interface RecordIdempotencyOptions<TArgs extends unknown[]> {
  /** The environment's single table (`TABLE_NAME`). */
  readonly tableName: string;
  /**
   * The stable key of one unit of work, the same on every delivery: an event's `detail.eventId`
   * or envelope `id`, or a direct message's own id. Never the SQS message id of an event (a
   * redelivery by EventBridge gets a new one).
   */
  readonly keyFrom: (...args: NoInfer<TArgs>) => string;
  /**
   * Tells apart several idempotent functions of one service that may see the same key (e.g.
   * `send-email` and `send-push` for one event). Default `default`.
   */
  readonly scope?: string;
  /** Seconds a completed key stays recorded; default `IDEMPOTENCY_EXPIRY_SECONDS`. */
  readonly expiresAfterSeconds?: number;
  /** A DynamoDB client to use; default one created on first call from the SDK's settings. */
  readonly client?: DynamoDBClient;
}

const SERVICE_NAME = /^[a-z][a-z0-9-]{0,39}$/;
const SCOPE = /^[A-Za-z0-9_.-]{1,64}$/;

/**
 * Makes `fn` run at most once per key (`keyFrom(...args)`) with Powertools idempotency,
 * persisting records in the shared table under `<service>#_Idempotency` (allowed by the
 * service role's LeadingKeys condition; expired by the table's `expiresAt` TTL). A repeated
 * call with a completed key returns the stored result without running `fn`; a call while the
 * same key is in progress elsewhere throws (`IdempotencyAlreadyInProgressError`), so a queue
 * worker fails that record and SQS delivers it again later; when `fn` throws, the record is
 * removed so the next delivery retries. `fn`'s result must be JSON (it is stored).
 *
 * This protects side effects that cannot share a transaction with the record (sending an email,
 * calling an API). It is not exactly-once: a crash after `fn` succeeded and before the record
 * is marked complete lets a later delivery run `fn` again once the in-progress record expires.
 * Counters and other table writes should instead be made conditional on a marker item in the
 * same transaction (see services/analytics).
 *
 * @example
 * const sendOnce = makeRecordIdempotent('notifications', sendEmail, {
 *   tableName: environment.TABLE_NAME,
 *   keyFrom: (message) => message.reviewId,
 *   scope: 'review-posted-email',
 * });
 */
export function makeRecordIdempotent<TArgs extends unknown[], TResult>(
  service: string,
  fn: (...args: TArgs) => Promise<TResult> | TResult,
  options: RecordIdempotencyOptions<TArgs>,
): (...args: TArgs) => Promise<TResult> {
  if (!SERVICE_NAME.test(service)) {
    throw new Error(
      `makeRecordIdempotent: service "${service}" is not a service name (lower case letters, digits and -, starting with a letter); pass the name that prefixes the service's keys`,
    );
  }
  const scope = options.scope ?? 'default';
  if (!SCOPE.test(scope)) {
    throw new Error(
      `makeRecordIdempotent: scope "${scope}" must be 1-64 letters, digits, _ . or -`,
    );
  }
  const expiresAfterSeconds = options.expiresAfterSeconds ?? IDEMPOTENCY_EXPIRY_SECONDS;
  if (!Number.isInteger(expiresAfterSeconds) || expiresAfterSeconds <= 0) {
    throw new Error(
      `makeRecordIdempotent: expiresAfterSeconds must be a positive integer, got ${expiresAfterSeconds}`,
    );
  }

  // Built on first call, so a cold start that never reaches it pays nothing for the client.
  // The wrapped function takes the key as its first argument (what Powertools hashes) and the
  // caller's arguments as one array, so its type does not depend on TArgs.
  let idempotent: ((keyed: KeyedPayload, args: unknown[]) => Promise<unknown>) | undefined;
  const build = () =>
    makeIdempotent(
      async (_keyed: KeyedPayload, args: unknown[]): Promise<unknown> => fn(...(args as TArgs)),
      {
        persistenceStore: new DynamoDBPersistenceLayer({
          tableName: options.tableName,
          keyAttr: TABLE_SCHEMA.partitionKey,
          sortKeyAttr: TABLE_SCHEMA.sortKey,
          staticPkValue: idempotencyPartitionKey(service),
          expiryAttr: TABLE_SCHEMA.timeToLive,
          awsSdkV3Client: options.client ?? sharedClient(),
        }),
        config: new IdempotencyConfig({
          eventKeyJmesPath: 'key',
          throwOnNoIdempotencyKey: true,
          expiresAfterSeconds,
        }),
        // The sort key becomes `<scope>#<md5 of the key>`: stable across function versions and
        // names, unlike Powertools' default prefix (the Lambda function name).
        keyPrefix: scope,
      },
    );

  return async (...args: TArgs) => {
    const key = options.keyFrom(...args);
    if (typeof key !== 'string' || key.length === 0) {
      throw new Error(
        `makeRecordIdempotent(${service}/${scope}): keyFrom returned ${JSON.stringify(key)}; it must return the non-empty, stable id of the unit of work`,
      );
    }
    idempotent ??= build();
    return (await idempotent({ key }, args)) as TResult;
  };
}

interface KeyedPayload {
  readonly key: string;
}

let client: DynamoDBClient | undefined;
function sharedClient(): DynamoDBClient {
  client ??= new DynamoDBClient({ maxAttempts: 4 });
  return client;
}
