import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { createPrivateKey, generateKeyPairSync } from 'node:crypto';
import { mkdtemp, readFile, rm, stat, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { DevIssuer } from '../src/index.js';
import { decodeJwt, verifiesAgainstJwks } from './support/jwt.js';

describe('Option: persistKeyTo', () => {
  let dir: string;

  beforeAll(async () => {
    dir = await mkdtemp(join(tmpdir(), 'dev-issuer-'));
  });

  afterAll(async () => {
    await rm(dir, { recursive: true, force: true });
  });

  it('keeps the key across restarts, so tokens issued before a restart still verify', async () => {
    // Prepare
    const path = join(dir, 'nested', 'signing-key.pem');
    const first = await DevIssuer.start({ persistKeyTo: path });
    const token = first.issueAccessToken({ sub: 'user-ada' });
    const firstKid = first.keyId;
    await first.close();

    // Act
    const second = await DevIssuer.start({ persistKeyTo: path });
    try {
      // Assess
      expect(second.keyId).toBe(firstKid);
      expect(decodeJwt(token).header.kid).toBe(second.keyId);
      await expect(verifiesAgainstJwks(second.jwksUri, token)).resolves.toBe(true);
    } finally {
      await second.close();
    }
  });

  it('writes a PKCS#8 PEM only its owner can read', async () => {
    const path = join(dir, 'owner-only.pem');

    const issuer = await DevIssuer.start({ persistKeyTo: path });
    await issuer.close();

    const pem = await readFile(path, 'utf8');
    expect(pem).toMatch(/^-----BEGIN PRIVATE KEY-----\n/);
    expect(createPrivateKey(pem).asymmetricKeyDetails?.modulusLength).toBe(2048);
    expect((await stat(path)).mode & 0o777).toBe(0o600);
  });

  it('names the key by its thumbprint, so a new key gets a new kid', async () => {
    const one = await DevIssuer.start({ persistKeyTo: join(dir, 'one.pem') });
    const two = await DevIssuer.start({ persistKeyTo: join(dir, 'two.pem') });
    await Promise.all([one.close(), two.close()]);

    expect(one.keyId).toMatch(/^[A-Za-z0-9_-]{43}$/);
    expect(one.keyId).not.toBe(two.keyId);
  });

  it('still honours an explicit key id', async () => {
    const issuer = await DevIssuer.start({ persistKeyTo: join(dir, 'named.pem'), keyId: 'named' });
    await issuer.close();

    expect(issuer.keyId).toBe('named');
  });

  it('agrees on one key when two issuers start on the same file at once', async () => {
    const path = join(dir, 'raced.pem');

    const [a, b] = await Promise.all([
      DevIssuer.start({ persistKeyTo: path }),
      DevIssuer.start({ persistKeyTo: path }),
    ]);
    await Promise.all([a.close(), b.close()]);

    expect(a.keyId).toBe(b.keyId);
  });

  it('refuses a file that holds something other than an RSA key, and says how to recover', async () => {
    const path = join(dir, 'ec.pem');
    const { privateKey } = generateKeyPairSync('ec', { namedCurve: 'P-256' });
    await writeFile(path, privateKey.export({ type: 'pkcs8', format: 'pem' }));

    await expect(DevIssuer.start({ persistKeyTo: path })).rejects.toThrow(
      /holds a ec key, but the issuer signs RS256 with RSA keys.*delete it and the next start writes a new one/,
    );
  });

  it('refuses a file that is not a PEM key', async () => {
    const path = join(dir, 'garbage.pem');
    await writeFile(path, 'not a key');

    await expect(DevIssuer.start({ persistKeyTo: path })).rejects.toThrow(
      /does not hold a PEM private key/,
    );
  });
});
