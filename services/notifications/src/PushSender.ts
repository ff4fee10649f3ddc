import { PublishCommand, type SNSClient } from '@aws-sdk/client-sns';
import type { DeviceEndpoint } from './Directory.js';

/** A push notification's visible parts. */
export interface PushNotification {
  readonly title: string;
  readonly body: string;
}

/** What happened to one push. */
export type PushOutcome = 'sent' | 'disabled';

/** Sends push notifications to SNS platform endpoints (one per registered device). */
export class PushSender {
  constructor(private readonly sns: SNSClient) {}

  /**
   * Publishes to one device's endpoint, with the payload shapes APNs and FCM expect. An endpoint
   * SNS has disabled (the app was uninstalled, the token expired) is reported, not thrown:
   * retrying cannot fix it, and throwing would resend the email part of the message too.
   */
  async send(device: DeviceEndpoint, notification: PushNotification): Promise<PushOutcome> {
    const apns = JSON.stringify({ aps: { alert: notification } });
    const gcm = JSON.stringify({ notification });
    try {
      await this.sns.send(
        new PublishCommand({
          TargetArn: device.endpointArn,
          MessageStructure: 'json',
          Message: JSON.stringify({
            default: `${notification.title}: ${notification.body}`,
            APNS: apns,
            APNS_SANDBOX: apns,
            GCM: gcm,
          }),
        }),
      );
      return 'sent';
    } catch (error) {
      if ((error as { name?: string }).name === 'EndpointDisabledException') return 'disabled';
      throw error;
    }
  }
}
