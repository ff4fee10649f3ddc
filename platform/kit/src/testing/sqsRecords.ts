import type { SQSEvent, SQSRecord } from 'aws-lambda';

/** An SQS record as Lambda's event source mapping delivers it, with the given id and body. */
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
    eventSourceARN: 'arn:aws:sqs:eu-west-1:111111111111:stack-test-worker',
    awsRegion: 'eu-west-1',
  };
}

/** A batch of records. */
export function sqsEvent(...records: SQSRecord[]): SQSEvent {
  return { Records: records };
}

/** The body an EventBridge rule with an SQS target delivers: the whole event envelope. */
export function eventBridgeBody(fields: {
  id: string;
  source: string;
  detailType: string;
  detail: unknown;
}): string {
  return JSON.stringify({
    version: '0',
    id: fields.id,
    'detail-type': fields.detailType,
    source: fields.source,
    account: '111111111111',
    time: '2026-01-02T03:04:05Z',
    region: 'eu-west-1',
    resources: [],
    detail: fields.detail,
  });
}
