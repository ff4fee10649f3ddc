import type { Tracer } from '@aws-lambda-powertools/tracer';
import { documentClient } from '../dynamo/documentClient.js';

let tracing: Promise<Tracer | undefined> | undefined;

/**
 * Turns on Powertools tracing (X-Ray subsegments for every table call) when the function runs
 * with active tracing. The tracer and the X-Ray SDK are loaded only then, so functions without
 * tracing, tests and the local cloud do not pay for them at cold start.
 */
export function enableTracing(
  serviceName: string,
  env: NodeJS.ProcessEnv = process.env,
): Promise<Tracer | undefined> {
  tracing ??= (async () => {
    if (!env.AWS_XRAY_DAEMON_ADDRESS || env.POWERTOOLS_TRACE_ENABLED === 'false') return undefined;
    const { Tracer: PowertoolsTracer } = await import('@aws-lambda-powertools/tracer');
    const tracer = new PowertoolsTracer({ serviceName });
    tracer.captureAWSv3Client(documentClient());
    return tracer;
  })();
  return tracing;
}
