import { TEMPLATE_ID } from './templateId.js';

// Lambda's limit on function names.
const MAX_FUNCTION_NAME = 64;

/**
 * The name of a worker instance's function: `stack-<stage>-<service>`, the same scheme as every
 * service's function, so logs and metrics are found by the service's name. Throws when the
 * name would pass Lambda's 64 characters.
 */
export function workerFunctionName(stageName: string, serviceName: string): string {
  const name = `stack-${stageName}-${serviceName}`;
  if (name.length > MAX_FUNCTION_NAME) {
    throw new Error(
      `${TEMPLATE_ID}: the function name "${name}" is ${name.length} characters, Lambda allows ${MAX_FUNCTION_NAME}; shorten the service name "${serviceName}" or the environment name "${stageName}"`,
    );
  }
  return name;
}
