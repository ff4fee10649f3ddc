import type { SQSRecord } from 'aws-lambda';

/** An SQS record as the queue's event source mapping delivers it. */
export function sqsRecord(messageId: string, body: string, receiveCount = 1): SQSRecord {
  const now = String(Date.now());
  return {
    messageId,
    receiptHandle: `receipt-${messageId}`,
    body,
    attributes: {
      ApproximateReceiveCount: String(receiveCount),
      SentTimestamp: now,
      SenderId: 'AIDAEXAMPLE',
      ApproximateFirstReceiveTimestamp: now,
    },
    messageAttributes: {},
    md5OfBody: '',
    eventSource: 'aws:sqs',
    eventSourceARN: 'arn:aws:sqs:eu-west-1:000000000000:notifications',
    awsRegion: 'eu-west-1',
  };
}
