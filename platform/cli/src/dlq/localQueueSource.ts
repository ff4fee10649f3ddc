import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { DlqCommandError, type QueueSource } from './WorkerQueues.js';

/**
 * The local stage's worker queues, from `<root>/.stack/dev.json` (`sqs`, `queues`), which
 * `stack dev` writes when the stage is up.
 */
export function localQueueSource(root: string): QueueSource {
  const file = join(root, '.stack', 'dev.json');
  if (!existsSync(file)) {
    throw new DlqCommandError(
      `${file} does not exist: start the local stage first (npm start), or pass --env <name> for a deployed environment`,
    );
  }
  const manifest = JSON.parse(readFileSync(file, 'utf8')) as {
    sqs?: string;
    queues?: Record<string, { queueUrl?: string; deadLetterQueueUrl?: string }>;
  };
  const workers = Object.entries(manifest.queues ?? {})
    .filter(([, queues]) => queues.queueUrl && queues.deadLetterQueueUrl)
    .map(([name, queues]) => ({
      name,
      queueUrl: String(queues.queueUrl),
      deadLetterQueueUrl: String(queues.deadLetterQueueUrl),
    }))
    .sort((a, b) => a.name.localeCompare(b.name));
  return {
    description: file,
    ...(manifest.sqs && { endpoint: manifest.sqs }),
    workers,
  };
}
