export * from './worker.js';
export { renderReviewPostedEmail } from './email/renderReviewPostedEmail.js';
export { escapeHtml } from './email/escapeHtml.js';
