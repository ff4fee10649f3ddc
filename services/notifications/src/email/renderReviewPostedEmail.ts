import { escapeHtml } from './escapeHtml.js';

/** What the "new review of your product" email says. */
export interface ReviewPostedEmailInput {
  readonly ownerName: string;
  readonly authorName: string;
  readonly productTitle: string;
  readonly rating: number;
  readonly body: string;
  /** The product's page in the web app. */
  readonly productUrl: string;
  /** Where the owner turns these emails off (`/account#notifications`). */
  readonly unsubscribeUrl: string;
}

/** A rendered email: subject, HTML and plain-text bodies. */
export interface RenderedEmail {
  readonly subject: string;
  readonly html: string;
  readonly text: string;
}

// Long reviews are cut in the email; the product page has the whole text.
const EXCERPT_LENGTH = 500;

/**
 * Renders the email to a product owner about a new review. Every user-written value (names,
 * title, review text) is escaped in the HTML body: a review is untrusted input and must not
 * inject markup or links into someone else's inbox.
 */
export function renderReviewPostedEmail(input: ReviewPostedEmailInput): RenderedEmail {
  const stars = '★'.repeat(input.rating) + '☆'.repeat(5 - input.rating);
  const excerpt =
    input.body.length > EXCERPT_LENGTH ? `${input.body.slice(0, EXCERPT_LENGTH - 1)}…` : input.body;
  const subject = `New ${input.rating}-star review of ${oneLine(input.productTitle)}`;
  const text = [
    `Hi ${input.ownerName},`,
    '',
    `${input.authorName} reviewed ${input.productTitle}: ${stars} (${input.rating}/5)`,
    '',
    excerpt,
    '',
    `See the review: ${input.productUrl}`,
    '',
    `You get this email because you own this product. Turn these emails off: ${input.unsubscribeUrl}`,
  ].join('\n');
  const html = `<!doctype html>
<html><body style="font-family: sans-serif; line-height: 1.5">
<p>Hi ${escapeHtml(input.ownerName)},</p>
<p>${escapeHtml(input.authorName)} reviewed <strong>${escapeHtml(input.productTitle)}</strong>:
<span aria-label="${input.rating} out of 5">${stars}</span></p>
<blockquote style="white-space: pre-wrap">${escapeHtml(excerpt)}</blockquote>
<p><a href="${escapeHtml(input.productUrl)}">See the review</a></p>
<p style="font-size: small; color: #666">You get this email because you own this product.
<a href="${escapeHtml(input.unsubscribeUrl)}">Turn these emails off</a>.</p>
</body></html>
`;
  return { subject, html, text };
}

/** A subject is one line: newlines in a title must not start new headers. */
function oneLine(value: string): string {
  return value.replace(/\s+/g, ' ').trim();
}
