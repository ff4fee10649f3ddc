// Lambda's limit on function names.
const MAX_FUNCTION_NAME = 64;

/**
 * The name of a service instance's function: `stack-<stage>-<service>`. Deterministic, so the
 * pipeline can give the router its subgraph list before (and without depending on) the
 * service stacks. Throws when the name would pass Lambda's 64 characters.
 */
export function subgraphFunctionName(stageName: string, serviceName: string): string {
  const name = `stack-${stageName}-${serviceName}`;
  if (name.length > MAX_FUNCTION_NAME) {
    throw new Error(
      `graphql-subgraph@1: the function name "${name}" is ${name.length} characters, Lambda allows ${MAX_FUNCTION_NAME}; shorten the service name "${serviceName}" or the environment name "${stageName}"`,
    );
  }
  return name;
}
