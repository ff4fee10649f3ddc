import { SendEmailCommand, type SESv2Client } from '@aws-sdk/client-sesv2';
import type { RenderedEmail } from './email/renderReviewPostedEmail.js';

/** Sends rendered emails through SES v2. */
export class EmailSender {
  constructor(
    private readonly ses: SESv2Client,
    private readonly from: string,
  ) {}

  /**
   * Sends one email with HTML and text bodies and a List-Unsubscribe header pointing at the
   * page where the recipient turns these emails off. Returns SES's message id.
   */
  async send(to: string, email: RenderedEmail, unsubscribeUrl: string): Promise<string> {
    const output = await this.ses.send(
      new SendEmailCommand({
        FromEmailAddress: this.from,
        Destination: { ToAddresses: [to] },
        Content: {
          Simple: {
            Subject: { Data: email.subject, Charset: 'UTF-8' },
            Body: {
              Html: { Data: email.html, Charset: 'UTF-8' },
              Text: { Data: email.text, Charset: 'UTF-8' },
            },
            Headers: [{ Name: 'List-Unsubscribe', Value: `<${unsubscribeUrl}>` }],
          },
        },
      }),
    );
    return output.MessageId ?? '';
  }
}
