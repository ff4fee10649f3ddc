import { badUserInput } from '@stack/kit';

/** The profile fields a user may change. */
export interface ProfileChanges {
  readonly name?: string;
  /** null removes the avatar. */
  readonly avatarUrl?: string | null;
  readonly emailNotifications?: boolean;
}

const MAX_NAME = 80;
const MAX_URL = 2048;

/** Validates and normalises `updateMe` input; throws BAD_USER_INPUT naming the field. */
export function validateProfileInput(input: {
  name?: string | null;
  avatarUrl?: string | null;
  emailNotifications?: boolean | null;
}): ProfileChanges {
  const changes: { name?: string; avatarUrl?: string | null; emailNotifications?: boolean } = {};
  // null means "leave unchanged": the field is a non-null preference with a default.
  if (typeof input.emailNotifications === 'boolean') {
    changes.emailNotifications = input.emailNotifications;
  }
  if (input.name !== undefined && input.name !== null) {
    const name = input.name.trim();
    if (name.length < 1 || name.length > MAX_NAME) {
      throw badUserInput(
        `"name" must be 1-${MAX_NAME} characters after trimming, got ${name.length}.`,
        'name',
      );
    }
    changes.name = name;
  }
  if (input.avatarUrl === null) changes.avatarUrl = null;
  else if (input.avatarUrl !== undefined) {
    if (input.avatarUrl.length > MAX_URL || !isHttpsUrl(input.avatarUrl)) {
      throw badUserInput(
        `"avatarUrl" must be an https URL of at most ${MAX_URL} characters.`,
        'avatarUrl',
      );
    }
    changes.avatarUrl = input.avatarUrl;
  }
  return changes;
}

function isHttpsUrl(value: string): boolean {
  try {
    return new URL(value).protocol === 'https:';
  } catch {
    return false;
  }
}
