import {
  createPrivateKey,
  createPublicKey,
  generateKeyPair,
  randomBytes,
  type KeyObject,
} from 'node:crypto';
import { link, mkdir, readFile, unlink, writeFile } from 'node:fs/promises';
import { dirname } from 'node:path';
import { promisify } from 'node:util';

/** The RSA key pair an issuer signs with. */
export interface SigningKey {
  readonly privateKey: KeyObject;
  readonly publicKey: KeyObject;
}

const MIN_MODULUS_BITS = 2048;
const generateRsaKeyPair = promisify(generateKeyPair);

/**
 * A fresh RSA-2048 key pair, or, given `path`, the one kept there as a PKCS#8 PEM: read when the
 * file exists, otherwise generated and written with mode 0600.
 */
export async function loadSigningKey(path?: string): Promise<SigningKey> {
  if (path === undefined) return generate();
  const kept = await readKey(path);
  if (kept !== undefined) return kept;

  const fresh = await generate();
  const pem = fresh.privateKey.export({ type: 'pkcs8', format: 'pem' });
  await mkdir(dirname(path), { recursive: true });
  // Written aside and hard-linked into place: link is atomic and never overwrites, so a second
  // issuer starting at the same moment either sees no file or a whole one, never half a key.
  const scratch = `${path}.${process.pid}.${randomBytes(6).toString('hex')}.tmp`;
  await writeFile(scratch, pem, { mode: 0o600, flag: 'wx' });
  try {
    await link(scratch, path);
    return fresh;
  } catch (error) {
    if (!hasCode(error, 'EEXIST')) throw error;
    // Lost the race: use the winner's key so both issuers sign alike.
    const winner = await readKey(path);
    if (winner === undefined) throw error;
    return winner;
  } finally {
    await unlink(scratch);
  }
}

async function generate(): Promise<SigningKey> {
  return generateRsaKeyPair('rsa', { modulusLength: MIN_MODULUS_BITS });
}

async function readKey(path: string): Promise<SigningKey | undefined> {
  let pem: string;
  try {
    pem = await readFile(path, 'utf8');
  } catch (error) {
    if (hasCode(error, 'ENOENT')) return undefined;
    throw error;
  }
  let privateKey: KeyObject;
  try {
    privateKey = createPrivateKey(pem);
  } catch (error) {
    throw new Error(
      `${path} does not hold a PEM private key (${String(error)}); delete it and the next start writes a new one`,
      { cause: error },
    );
  }
  const bits = privateKey.asymmetricKeyDetails?.modulusLength ?? 0;
  if (privateKey.asymmetricKeyType !== 'rsa' || bits < MIN_MODULUS_BITS) {
    const found =
      privateKey.asymmetricKeyType === 'rsa'
        ? `an RSA key of ${bits} bits`
        : `a ${String(privateKey.asymmetricKeyType)} key`;
    throw new Error(
      `${path} holds ${found}, but the issuer signs RS256 with RSA keys of at least ${MIN_MODULUS_BITS} bits; delete it and the next start writes a new one`,
    );
  }
  return { privateKey, publicKey: createPublicKey(privateKey) };
}

// Structural, not instanceof: errors from another realm (a vm context, as under jest) are not `Error`s here.
function hasCode(error: unknown, code: string): boolean {
  return typeof error === 'object' && error !== null && 'code' in error && error.code === code;
}
