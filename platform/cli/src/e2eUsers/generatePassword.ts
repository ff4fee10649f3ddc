import { randomInt } from 'node:crypto';

const CLASSES = [
  'ABCDEFGHJKLMNPQRSTUVWXYZ',
  'abcdefghijkmnopqrstuvwxyz',
  '23456789',
  // Symbols Cognito accepts that need no quoting in a shell or a YAML secret.
  '-_.+=%@',
] as const;

/**
 * A random password of `length` characters with at least one upper-case letter, lower-case
 * letter, digit and symbol: what the environment's user pool policy requires (12+ characters,
 * all four classes). Uses the crypto RNG, and a Fisher-Yates shuffle so the guaranteed
 * characters are not always first.
 */
export function generatePassword(length = 24): string {
  if (!Number.isInteger(length) || length < 12) {
    throw new Error(`generatePassword: the user pool needs 12 characters or more, got ${length}`);
  }
  const all = CLASSES.join('');
  const chars = [
    ...CLASSES.map((set) => set[randomInt(set.length)]!),
    ...Array.from({ length: length - CLASSES.length }, () => all[randomInt(all.length)]!),
  ];
  for (let index = chars.length - 1; index > 0; index--) {
    const other = randomInt(index + 1);
    [chars[index], chars[other]] = [chars[other]!, chars[index]!];
  }
  return chars.join('');
}
