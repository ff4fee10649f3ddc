import { makeRecordIdempotent, type BaseContext, type ReviewPosted } from '@stack/kit';
import type { DeviceEndpoint, Directory, Recipient } from './Directory.js';
import type { EmailSender } from './EmailSender.js';
import { renderReviewPostedEmail } from './email/renderReviewPostedEmail.js';
import type { PushOutcome, PushSender } from './PushSender.js';

/** The service name, which prefixes every key this service writes (IAM allows no other). */
export const SERVICE = 'notifications';
/** The web app page where a signed-in user turns notification emails off. */
export const UNSUBSCRIBE_PATH = '/account#notifications';

/** What notifying about a review needs. */
export interface ReviewPostedNotifierDeps {
  readonly tableName: string;
  readonly directory: Directory;
  readonly email: EmailSender;
  readonly push: PushSender;
  /** The public web app's base URL, for links. */
  readonly appUrl: string;
  readonly logger: BaseContext['logger'];
}

interface EmailJob {
  readonly message: ReviewPosted;
  readonly owner: Recipient;
  readonly authorName: string;
  readonly productTitle: string;
}

interface PushJob {
  readonly message: ReviewPosted;
  readonly device: DeviceEndpoint;
  readonly productTitle: string;
}

/** What was done for one ReviewPosted, for logs and tests. */
export interface ReviewPostedOutcome {
  readonly email: 'sent' | 'opted-out' | 'no-address' | 'skipped';
  readonly pushes: number;
}

/**
 * Tells a product's owner about a new review: one email (unless they turned emailNotifications
 * off or have no address) and one push per registered device. Each send is idempotent on the
 * review id (kit's makeRecordIdempotent), so a message delivered twice, or retried after a
 * later step failed, sends each email and push once.
 */
export function reviewPostedNotifier(deps: ReviewPostedNotifierDeps) {
  const sendEmailOnce = makeRecordIdempotent(
    SERVICE,
    async (job: EmailJob): Promise<string> => {
      const unsubscribeUrl = new URL(UNSUBSCRIBE_PATH, deps.appUrl).href;
      const rendered = renderReviewPostedEmail({
        ownerName: job.owner.name,
        authorName: job.authorName,
        productTitle: job.productTitle,
        rating: job.message.rating,
        body: job.message.bodyExcerpt,
        productUrl: new URL(`/products/${encodeURIComponent(job.message.productId)}`, deps.appUrl)
          .href,
        unsubscribeUrl,
      });
      return deps.email.send(job.owner.email ?? '', rendered, unsubscribeUrl);
    },
    { tableName: deps.tableName, keyFrom: (job) => job.message.reviewId, scope: 'review-email' },
  );
  const pushOnce = makeRecordIdempotent(
    SERVICE,
    async (job: PushJob): Promise<PushOutcome> =>
      deps.push.send(job.device, {
        title: `New review of ${job.productTitle}`,
        body: `${job.message.rating}/5: ${job.message.bodyExcerpt.slice(0, 120)}`,
      }),
    {
      tableName: deps.tableName,
      keyFrom: (job) => `${job.message.reviewId}#${job.device.id}`,
      scope: 'review-push',
    },
  );

  return async (message: ReviewPosted): Promise<ReviewPostedOutcome> => {
    const product = await deps.directory.product(message.productId);
    // A product deleted meanwhile, or a review of one's own product: nobody to tell.
    if (!product || product.ownerId === message.authorId) {
      return { email: 'skipped', pushes: 0 };
    }
    const [owner, author] = await Promise.all([
      deps.directory.user(product.ownerId),
      deps.directory.user(message.authorId),
    ]);
    if (!owner) return { email: 'skipped', pushes: 0 };
    const authorName = author?.name ?? 'Someone';
    let email: ReviewPostedOutcome['email'] = 'sent';
    if (!owner.emailNotifications) email = 'opted-out';
    else if (owner.email === undefined) email = 'no-address';
    else await sendEmailOnce({ message, owner, authorName, productTitle: product.title });
    let pushes = 0;
    for (const device of owner.devices) {
      const outcome = await pushOnce({ message, device, productTitle: product.title });
      if (outcome === 'sent') pushes += 1;
      else deps.logger.warn('Push endpoint disabled by SNS; skipped', { deviceId: device.id });
    }
    deps.logger.info('ReviewPosted handled', { reviewId: message.reviewId, email, pushes });
    return { email, pushes };
  };
}
