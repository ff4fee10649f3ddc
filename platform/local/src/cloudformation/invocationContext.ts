import { randomUUID } from 'node:crypto';
import type { LocalFunction } from './localFunctions.js';

/** The part of Lambda's context object handlers read (Powertools takes the request id from it). */
export interface LocalLambdaContext {
  readonly awsRequestId: string;
  readonly functionName: string;
  readonly functionVersion: string;
  readonly invokedFunctionArn: string;
  readonly memoryLimitInMB: string;
  readonly logGroupName: string;
  readonly logStreamName: string;
  readonly callbackWaitsForEmptyEventLoop: boolean;
  getRemainingTimeInMillis(): number;
}

/** One finished invocation, for the terminal: which function, which request, how it went. */
export interface FunctionInvocation {
  readonly functionName: string;
  readonly requestId: string;
  readonly millis: number;
  readonly error?: Error;
}

/** A fresh Lambda-shaped context for one invocation of `fn` (timeout from the template). */
export function invocationContext(fn: LocalFunction): LocalLambdaContext {
  const properties = fn.resource.resource.Properties ?? {};
  const timeoutMs = (typeof properties['Timeout'] === 'number' ? properties['Timeout'] : 3) * 1000;
  const memory = typeof properties['MemorySize'] === 'number' ? properties['MemorySize'] : 128;
  const deadline = Date.now() + timeoutMs;
  return {
    awsRequestId: randomUUID(),
    functionName: fn.name,
    functionVersion: '$LATEST',
    invokedFunctionArn: fn.arn,
    memoryLimitInMB: String(memory),
    logGroupName: `/aws/lambda/${fn.name}`,
    logStreamName: 'local',
    callbackWaitsForEmptyEventLoop: true,
    getRemainingTimeInMillis: () => Math.max(0, deadline - Date.now()),
  };
}
