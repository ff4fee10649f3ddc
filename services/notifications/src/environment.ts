import { text, url, WORKER_ENVIRONMENT } from '@stack/kit';

/**
 * The notifications worker's environment: the template's, plus the sender address and the web
 * app's URL (service.yaml `environment`, per instance).
 */
export const NOTIFICATIONS_ENVIRONMENT = {
  ...WORKER_ENVIRONMENT,
  MAIL_FROM: {
    doc: 'the From address of notification emails (an SES-verified identity)',
    parse: text(),
  },
  APP_URL: {
    doc: 'the public web app, for links in emails (e.g. https://example.com)',
    parse: url(),
  },
};
