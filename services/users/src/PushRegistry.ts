import {
  CreatePlatformEndpointCommand,
  DeleteEndpointCommand,
  type SNSClient,
} from '@aws-sdk/client-sns';
import { badUserInput } from '@stack/kit';
import type { DevicePlatform } from './DeviceRecord.js';

/** SNS platform application ARN per platform; a platform without one has push off. */
export type PushApplications = Partial<Record<DevicePlatform, string>>;

/** The environment variables the platform application ARNs come in (one per platform). */
export const PUSH_APPLICATION_VARIABLES: Record<DevicePlatform, string> = {
  APNS: 'PUSH_PLATFORM_APPLICATION_APNS',
  APNS_SANDBOX: 'PUSH_PLATFORM_APPLICATION_APNS_SANDBOX',
  FCM: 'PUSH_PLATFORM_APPLICATION_FCM',
};

/** Reads the configured platform applications from the environment (unset = push off). */
export function pushApplicationsFrom(env: NodeJS.ProcessEnv): PushApplications {
  const applications: PushApplications = {};
  for (const [platform, variable] of Object.entries(PUSH_APPLICATION_VARIABLES)) {
    const arn = env[variable];
    if (arn) applications[platform as DevicePlatform] = arn;
  }
  return applications;
}

/** Creates and deletes SNS platform endpoints for devices. */
export class PushRegistry {
  constructor(
    private readonly sns: SNSClient,
    private readonly applications: PushApplications,
  ) {}

  /**
   * Throws BAD_USER_INPUT when the environment has no platform application for `platform`;
   * called before anything is created or stored.
   */
  requireEnabled(platform: DevicePlatform): string {
    const arn = this.applications[platform];
    if (arn === undefined) {
      throw badUserInput(
        `push is not enabled in this environment: it has no SNS platform application for ${platform} (set it in the environment's pushPlatforms input, which sets ${PUSH_APPLICATION_VARIABLES[platform]})`,
        'platform',
      );
    }
    return arn;
  }

  /** The endpoint ARN of the device's token (SNS returns the existing one for a known token). */
  async createEndpoint(platform: DevicePlatform, token: string, userId: string): Promise<string> {
    const output = await this.sns.send(
      new CreatePlatformEndpointCommand({
        PlatformApplicationArn: this.requireEnabled(platform),
        Token: token,
        CustomUserData: userId,
      }),
    );
    if (!output.EndpointArn) throw new Error('SNS CreatePlatformEndpoint returned no EndpointArn');
    return output.EndpointArn;
  }

  /** Deletes an endpoint (a no-op for one that is already gone). */
  async deleteEndpoint(endpointArn: string): Promise<void> {
    await this.sns.send(new DeleteEndpointCommand({ EndpointArn: endpointArn }));
  }
}
