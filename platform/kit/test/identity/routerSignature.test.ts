import { describe, expect, it } from '@jest/globals';
import { signIdentity, verifyIdentity } from '../../src/identity/routerSignature.js';

const secret = 'x'.repeat(32);
const alice = { userId: 'alice', username: 'alice', groups: ['admin'], anonymous: false };

describe('Function: verifyIdentity', () => {
  it('returns the identity the router signed', () => {
    expect(verifyIdentity(signIdentity(alice, secret), secret)).toEqual(alice);
  });

  it('refuses a signature made with another secret', () => {
    expect(verifyIdentity(signIdentity(alice, 'y'.repeat(32)), secret)).toBeUndefined();
  });

  it('refuses an identity changed after signing', () => {
    const signed = signIdentity({ ...alice, groups: [] }, secret);
    const tampered = Buffer.from(
      JSON.stringify({
        ...JSON.parse(Buffer.from(signed.identity, 'base64url').toString()),
        groups: ['admin'],
      }),
    ).toString('base64url');
    expect(
      verifyIdentity({ identity: tampered, signature: signed.signature }, secret),
    ).toBeUndefined();
  });

  it('refuses a signed identity older than five minutes', () => {
    const signed = signIdentity(alice, secret, Date.now() - 301_000);
    expect(verifyIdentity(signed, secret)).toBeUndefined();
  });

  it('refuses missing headers', () => {
    expect(verifyIdentity({}, secret)).toBeUndefined();
  });
});
