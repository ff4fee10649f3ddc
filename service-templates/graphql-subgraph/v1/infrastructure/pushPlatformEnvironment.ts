/** The environment's SNS platform applications (stack-env@1 input `pushPlatforms`). */
export interface PushPlatformApplications {
  readonly apns?: string;
  readonly apnsSandbox?: string;
  readonly fcm?: string;
}

// The variable names the users service reads (services/users/src/PushRegistry.ts).
const VARIABLES: Record<keyof PushPlatformApplications, string> = {
  apns: 'PUSH_PLATFORM_APPLICATION_APNS',
  apnsSandbox: 'PUSH_PLATFORM_APPLICATION_APNS_SANDBOX',
  fcm: 'PUSH_PLATFORM_APPLICATION_FCM',
};

/** The function variables naming each configured platform application's ARN. */
export function pushPlatformEnvironment(
  applications: PushPlatformApplications | undefined,
): Record<string, string> {
  return Object.fromEntries(
    Object.entries(applications ?? {})
      .filter((entry): entry is [keyof PushPlatformApplications, string] => Boolean(entry[1]))
      .map(([platform, arn]) => [VARIABLES[platform], arn]),
  );
}

/**
 * The ARNs of the endpoints SNS creates under an application: an application
 * `arn:…:app/GCM/name` has endpoints `arn:…:endpoint/GCM/name/<id>`.
 */
export function endpointArnsOf(applicationArn: string): string {
  return `${applicationArn.replace(':app/', ':endpoint/')}/*`;
}
