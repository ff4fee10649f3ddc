import { Logger } from '@aws-lambda-powertools/logger';

const loggers = new Map<string, Logger>();

/**
 * The Powertools logger of a service (JSON lines with the service name, cold start flag and
 * request id). Level comes from `POWERTOOLS_LOG_LEVEL` (default INFO).
 */
export function serviceLogger(serviceName: string): Logger {
  let logger = loggers.get(serviceName);
  if (!logger) {
    logger = new Logger({ serviceName });
    loggers.set(serviceName, logger);
  }
  return logger;
}
