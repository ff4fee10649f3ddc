import type { RouterSettings } from '@stack/stack-env-v1';
import type { RouterServiceInputs } from './RouterServiceInputs.js';

/**
 * What the environment template's router gets from the router instance's inputs. Throws when
 * the inputs contradict each other in a way the schema cannot express.
 */
export function routerSettings(inputs: RouterServiceInputs): RouterSettings {
  if (inputs.subgraphTimeoutMs >= inputs.timeout * 1000) {
    throw new Error(
      `subgraphTimeoutMs ${inputs.subgraphTimeoutMs} must be shorter than timeout ${inputs.timeout} s (${inputs.timeout * 1000} ms), or a slow subgraph times the whole request out`,
    );
  }
  return {
    memorySize: inputs.memorySize,
    timeoutSeconds: inputs.timeout,
    subgraphTimeoutMs: inputs.subgraphTimeoutMs,
    maxBodyBytes: inputs.maxBodyBytes,
    ...(inputs.reservedConcurrency !== undefined && {
      reservedConcurrency: inputs.reservedConcurrency,
    }),
  };
}
