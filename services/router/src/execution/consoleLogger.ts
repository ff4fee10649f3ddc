import type { GatewayGraphQLRequestContext } from '@apollo/server-gateway-interface';

type Logger = GatewayGraphQLRequestContext['logger'];

/**
 * The logger the gateway reports execution trouble to: the console from info up, as Apollo
 * Server's default logger did (Lambda ships the console to CloudWatch).
 */
export const consoleLogger: Logger = {
  debug: () => undefined,
  info: (message) => console.info(message),
  warn: (message) => console.warn(message),
  error: (message) => console.error(message),
};
