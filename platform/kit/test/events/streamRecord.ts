import { marshall } from '@aws-sdk/util-dynamodb';
import type { DynamoDBRecord } from 'aws-lambda';

/** A DynamoDB stream record (NEW_AND_OLD_IMAGES) of a change of one item. */
export function streamRecord(
  eventName: 'INSERT' | 'MODIFY' | 'REMOVE',
  images: { newImage?: Record<string, unknown>; oldImage?: Record<string, unknown> },
  eventId = 'e-1',
): DynamoDBRecord {
  const item = images.newImage ?? images.oldImage ?? {};
  return {
    eventID: eventId,
    eventName,
    eventSource: 'aws:dynamodb',
    dynamodb: {
      ApproximateCreationDateTime: 1_790_000_000,
      Keys: marshall({ pk: item['pk'], sk: item['sk'] }) as never,
      ...(images.newImage && { NewImage: marshall(images.newImage) as never }),
      ...(images.oldImage && { OldImage: marshall(images.oldImage) as never }),
      SequenceNumber: '100',
      StreamViewType: 'NEW_AND_OLD_IMAGES',
    },
  };
}
