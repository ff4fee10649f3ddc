export { sqsRecord } from '@stack/kit/testing';

/** The body an EventBridge rule delivers for a change of a review item (as the publisher emits it). */
export function reviewEventBody(
  change: 'Created' | 'Deleted',
  review: { id: string; productId: string; rating: number },
  eventId = `stream-${change}-${review.id}`,
): string {
  const image = {
    pk: `reviews#Review#${review.id}`,
    sk: 'Review',
    id: review.id,
    productId: review.productId,
    authorId: 'u1',
    rating: review.rating,
    body: 'Fine.',
    createdAt: '2026-11-27T10:00:00.000Z',
  };
  return JSON.stringify({
    version: '0',
    id: `envelope-${eventId}-${Math.random()}`,
    'detail-type': `Review${change}`,
    source: 'stack.reviews',
    account: '000000000000',
    time: '2026-11-27T10:00:00Z',
    region: 'eu-west-1',
    resources: [],
    detail: {
      service: 'reviews',
      entity: 'Review',
      change,
      id: review.id,
      keys: { pk: image.pk, sk: image.sk },
      ...(change === 'Created' ? { newImage: image } : { oldImage: image }),
      eventId,
      changedAt: '2026-11-27T10:00:00.000Z',
      version: 1,
    },
  });
}
