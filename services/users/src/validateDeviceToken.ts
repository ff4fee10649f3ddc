import { badUserInput } from '@stack/kit';

const MAX_TOKEN = 4096;

/** Checks a push token before anything is created: 1-4096 visible characters, no spaces. */
export function validateDeviceToken(token: string): string {
  if (token.length < 1 || token.length > MAX_TOKEN || /\s/.test(token)) {
    throw badUserInput(
      `"token" must be the device's push token: 1-${MAX_TOKEN} characters without spaces, got ${token.length} characters.`,
      'token',
    );
  }
  return token;
}
