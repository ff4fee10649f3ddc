import { EnvironmentError } from './readEnvironment.js';
// A static import on purpose: through a dynamic import() esbuild cannot tree-shake the SSM
// package, and bundles grew by about 95 KB; the client itself is still created on first use.
import { readSecureParameter } from './readSecureParameter.js';
import { ROUTER_SECRET_RULE, type RouterSecretEnvironment } from './routerSecretEnvironment.js';

/** Resolves the router's shared secret; cheap after the first success. */
export type RouterSecret = () => Promise<string>;

// The same floor as ROUTER_SHARED_SECRET's parser: HMAC-SHA256 wants at least 256 bits.
const MIN_LENGTH = 32;

/**
 * The router's shared secret as the environment gives it: ROUTER_SHARED_SECRET as is, or the
 * SSM SecureString named by ROUTER_SHARED_SECRET_PARAMETER. The parameter is read lazily, on
 * the first call (a cold start that never verifies a signature never calls SSM), then kept for
 * the life of the execution environment. A failed read is not kept: the call rejects with the
 * parameter's name and the cause, and the next call tries again. Concurrent first calls share
 * one read. The SSM client is created on first use and takes region, credentials and endpoint
 * from the SDK's standard settings (`AWS_REGION`, `AWS_ENDPOINT_URL_SSM`, ...).
 */
export function routerSecret(environment: RouterSecretEnvironment): RouterSecret {
  const problem = ROUTER_SECRET_RULE({
    ROUTER_SHARED_SECRET: environment.ROUTER_SHARED_SECRET,
    ROUTER_SHARED_SECRET_PARAMETER: environment.ROUTER_SHARED_SECRET_PARAMETER,
  });
  if (problem !== undefined) throw new EnvironmentError([problem]);

  const given = environment.ROUTER_SHARED_SECRET;
  if (given !== undefined) {
    const resolved = Promise.resolve(given);
    return () => resolved;
  }
  const name = environment.ROUTER_SHARED_SECRET_PARAMETER ?? '';
  let pending: Promise<string> | undefined;

  const read = async (): Promise<string> => {
    try {
      const value = (await readSecureParameter(name)) ?? '';
      if (value.length < MIN_LENGTH) {
        throw new Error(`its value must be at least ${MIN_LENGTH} characters`);
      }
      return value;
    } catch (error) {
      throw new Error(
        `Cannot read the router's shared secret from SSM parameter ${name}: ${(error as Error).message}`,
        { cause: error },
      );
    }
  };

  return () => {
    pending ??= read().catch((error: unknown) => {
      pending = undefined;
      throw error;
    });
    return pending;
  };
}
