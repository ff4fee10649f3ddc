import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import {
  CreateQueueCommand,
  GetQueueAttributesCommand,
  ReceiveMessageCommand,
  SendMessageCommand,
  SQSClient,
} from '@aws-sdk/client-sqs';
import { startFauxqs, type FauxqsServer } from 'fauxqs';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { runDlqList, runDlqRedrive } from '../../src/dlq/runDlq.js';

function capture() {
  const output = { out: '', err: '' };
  return {
    output,
    io: {
      out: (text: string) => void (output.out += text),
      err: (text: string) => void (output.err += text),
    },
  };
}

// `stack dlq` against fauxqs, with a .stack/dev.json as the local stage writes it.
describe('Command: stack dlq (local, fauxqs)', () => {
  let fauxqs: FauxqsServer;
  let sqs: SQSClient;
  let root: string;
  let queueUrl: string;
  let deadLetterQueueUrl: string;

  beforeAll(async () => {
    fauxqs = await startFauxqs({ port: 0, logger: false });
    sqs = new SQSClient({
      endpoint: fauxqs.address,
      region: 'eu-west-1',
      credentials: { accessKeyId: 'local', secretAccessKey: 'local' },
    });
    deadLetterQueueUrl = (await sqs.send(new CreateQueueCommand({ QueueName: 'mailer-dlq' })))
      .QueueUrl!;
    const dlqArn = (
      await sqs.send(
        new GetQueueAttributesCommand({
          QueueUrl: deadLetterQueueUrl,
          AttributeNames: ['QueueArn'],
        }),
      )
    ).Attributes!.QueueArn!;
    queueUrl = (
      await sqs.send(
        new CreateQueueCommand({
          QueueName: 'mailer',
          Attributes: {
            VisibilityTimeout: '1',
            RedrivePolicy: JSON.stringify({ deadLetterTargetArn: dlqArn, maxReceiveCount: 1 }),
          },
        }),
      )
    ).QueueUrl!;
    root = mkdtempSync(join(tmpdir(), 'stack-dlq-'));
    mkdirSync(join(root, '.stack'));
    writeFileSync(
      join(root, '.stack', 'dev.json'),
      JSON.stringify({ sqs: fauxqs.address, queues: { mailer: { queueUrl, deadLetterQueueUrl } } }),
    );
  });

  afterAll(async () => {
    sqs.destroy();
    await fauxqs.stop();
    rmSync(root, { recursive: true, force: true });
  });

  const depth = async (url: string) =>
    Number(
      (
        await sqs.send(
          new GetQueueAttributesCommand({
            QueueUrl: url,
            AttributeNames: ['ApproximateNumberOfMessages'],
          }),
        )
      ).Attributes?.ApproximateNumberOfMessages,
    );

  it('lists the DLQ with its depth, and redrives its messages with body and attributes', async () => {
    // Prepare: 3 messages fail once each (maxReceiveCount 1) and move to the DLQ.
    for (const n of [1, 2, 3]) {
      await sqs.send(
        new SendMessageCommand({
          QueueUrl: queueUrl,
          MessageBody: JSON.stringify({ n }),
          MessageAttributes: { type: { DataType: 'String', StringValue: `job-${n}` } },
        }),
      );
    }
    await sqs.send(new ReceiveMessageCommand({ QueueUrl: queueUrl, MaxNumberOfMessages: 10 }));
    await new Promise((resolve) => setTimeout(resolve, 1_500));
    // The next receive finds them over maxReceiveCount and moves them to the DLQ.
    await sqs.send(new ReceiveMessageCommand({ QueueUrl: queueUrl, MaxNumberOfMessages: 10 }));
    expect(await depth(deadLetterQueueUrl)).toBe(3);

    // Act: list
    const listed = capture();
    expect(await runDlqList({ kind: 'local', root }, listed.io)).toBe(0);
    expect(listed.output.out).toMatch(/^mailer\s+3\s+0\s+.*mailer-dlq$/m);

    // Act: redrive
    const redriven = capture();
    expect(await runDlqRedrive({ kind: 'local', root }, 'mailer', redriven.io)).toBe(0);

    // Assess
    expect(redriven.output.out).toContain('mailer: moved 3 message(s)');
    expect(await depth(deadLetterQueueUrl)).toBe(0);
    const back = await sqs.send(
      new ReceiveMessageCommand({
        QueueUrl: queueUrl,
        MaxNumberOfMessages: 10,
        MessageAttributeNames: ['All'],
      }),
    );
    expect(
      (back.Messages ?? [])
        .map((message) => ({
          body: message.Body,
          type: message.MessageAttributes?.type?.StringValue,
        }))
        .sort((a, b) => String(a.body).localeCompare(String(b.body))),
    ).toEqual([
      { body: '{"n":1}', type: 'job-1' },
      { body: '{"n":2}', type: 'job-2' },
      { body: '{"n":3}', type: 'job-3' },
    ]);
  });

  it('refuses an unknown queue name, listing the known ones', async () => {
    const result = capture();
    expect(await runDlqRedrive({ kind: 'local', root }, 'mailr', result.io)).toBe(1);
    expect(result.output.err).toContain('no event worker "mailr"');
    expect(result.output.err).toContain('the known ones are: mailer');
  });

  it('says to start the local stage when there is no dev.json', async () => {
    const empty = mkdtempSync(join(tmpdir(), 'stack-dlq-none-'));
    const result = capture();
    expect(await runDlqList({ kind: 'local', root: empty }, result.io)).toBe(1);
    expect(result.output.err).toMatch(/dev\.json does not exist: start the local stage first/);
    rmSync(empty, { recursive: true, force: true });
  });
});
