import { Tracer } from '@aws-lambda-powertools/tracer';

let tracer: Tracer | undefined;

/**
 * The Powertools tracer (X-Ray). It only records inside Lambda with active tracing; elsewhere
 * it is a no-op, so tests and the local cloud run the same code.
 */
export function serviceTracer(serviceName: string): Tracer {
  tracer ??= new Tracer({ serviceName });
  return tracer;
}
