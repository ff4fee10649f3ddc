import { SQSClient } from '@aws-sdk/client-sqs';
import { SSMClient } from '@aws-sdk/client-ssm';
import { cloudQueueSource } from './cloudQueueSource.js';
import { formatDeadLetterQueues, listDeadLetterQueues } from './listDeadLetterQueues.js';
import { localQueueSource } from './localQueueSource.js';
import { redriveDeadLetterQueue } from './redriveDeadLetterQueue.js';
import { DlqCommandError, type QueueSource } from './WorkerQueues.js';

/** Which stage's queues: the local one (`.stack/dev.json` under root) or a deployed one. */
export type DlqTarget =
  | { readonly kind: 'local'; readonly root: string }
  | { readonly kind: 'env'; readonly environment: string };

/** Where output goes. */
export interface DlqOutput {
  out(text: string): void;
  err(text: string): void;
}

async function open(target: DlqTarget): Promise<{ source: QueueSource; sqs: SQSClient }> {
  if (target.kind === 'local') {
    const source = localQueueSource(target.root);
    const sqs = new SQSClient({
      ...(source.endpoint && { endpoint: source.endpoint }),
      region: process.env.AWS_REGION ?? 'eu-west-1',
      // fauxqs accepts any credentials; a developer without AWS ones configured still works.
      credentials: {
        accessKeyId: process.env.AWS_ACCESS_KEY_ID ?? 'local',
        secretAccessKey: process.env.AWS_SECRET_ACCESS_KEY ?? 'local',
      },
    });
    return { source, sqs };
  }
  const sqs = new SQSClient({});
  const ssm = new SSMClient({});
  try {
    return { source: await cloudQueueSource(target.environment, { ssm, sqs }), sqs };
  } finally {
    ssm.destroy();
  }
}

/** `stack dlq list`: prints each worker DLQ's approximate depth; returns the exit code. */
export async function runDlqList(target: DlqTarget, output: DlqOutput): Promise<number> {
  return guard(output, async () => {
    const { source, sqs } = await open(target);
    try {
      output.out(
        formatDeadLetterQueues(await listDeadLetterQueues(sqs, source.workers), source.description),
      );
      return 0;
    } finally {
      sqs.destroy();
    }
  });
}

/** `stack dlq redrive <queue>`: moves the worker's DLQ messages back; returns the exit code. */
export async function runDlqRedrive(
  target: DlqTarget,
  queue: string,
  output: DlqOutput,
  options: { limit?: number } = {},
): Promise<number> {
  return guard(output, async () => {
    const { source, sqs } = await open(target);
    try {
      const worker = source.workers.find((each) => each.name === queue);
      if (!worker) {
        const known = source.workers.map((each) => each.name).join(', ') || 'none';
        throw new DlqCommandError(
          `no event worker "${queue}" in ${source.description}; the known ones are: ${known}`,
        );
      }
      const result = await redriveDeadLetterQueue(sqs, worker, options);
      output.out(
        `${queue}: moved ${result.moved} message(s) from the DLQ back to ${worker.queueUrl}` +
          (result.failed > 0 ? `; ${result.failed} could not be sent and stay in the DLQ` : '') +
          '\n',
      );
      return result.failed > 0 ? 1 : 0;
    } finally {
      sqs.destroy();
    }
  });
}

async function guard(output: DlqOutput, run: () => Promise<number>): Promise<number> {
  try {
    return await run();
  } catch (error) {
    if (error instanceof DlqCommandError) {
      output.err(`stack dlq: ${error.message}\n`);
      return 1;
    }
    throw error;
  }
}
