import { lambdaFunctionArn, parseArn, queueArnFromUrl, type AwsPlace } from './arns.js';

/**
 * Runs a Lambda handler in-process with what EventBridge sends it (the event, or the target's
 * `Input`/`InputPath` selection); a rejection counts as a failed delivery.
 */
export type LambdaInvoke = (payload: unknown) => Promise<unknown>;

/** An SQS queue, by URL (programmatic targets) or by ARN (PutTargets); ARNs resolve via GetQueueUrl. */
export type QueueRef = { readonly url: string } | { readonly arn: string };

/** Where a target delivers. */
export type TargetDestination =
  | { readonly kind: 'lambda'; readonly invoke: LambdaInvoke }
  /** A function known only by ARN (PutTargets); the bus's `resolveLambda` finds its handler. */
  | { readonly kind: 'lambda-arn'; readonly functionArn: string }
  | { readonly kind: 'sqs'; readonly queue: QueueRef };

/** A rule's target as the bus keeps it, whichever way it was added. */
export interface RuleTarget {
  readonly id: string;
  readonly arn: string;
  readonly destination: TargetDestination;
  /** Constant JSON text sent instead of the event. */
  readonly input?: string;
  /** JSONPath (`$.detail`) selecting the part of the event to send. */
  readonly inputPath?: string;
  readonly deadLetterQueue?: QueueRef;
  readonly maximumRetryAttempts?: number;
  readonly maximumEventAgeSeconds?: number;
}

/** Settings every programmatic target may carry (PutTargets' Input, InputPath, RetryPolicy, DLQ). */
export interface TargetOptions {
  /** Defaults to the function name or queue name. */
  readonly id?: string;
  /** An SQS queue URL that receives events whose delivery failed for good. */
  readonly deadLetterQueueUrl?: string;
  readonly maximumRetryAttempts?: number;
  readonly maximumEventAgeSeconds?: number;
  readonly input?: string;
  readonly inputPath?: string;
}

/** A target that runs a function in-process, as the local Lambda runner does. */
export interface LambdaTargetSpec extends TargetOptions {
  readonly kind: 'lambda';
  readonly invoke: LambdaInvoke;
  /** Names the target in ARNs and the event log. */
  readonly functionName?: string;
}

/** A target that sends the event to an SQS queue (fauxqs locally). */
export interface SqsTargetSpec extends TargetOptions {
  readonly kind: 'sqs';
  readonly queueUrl: string;
}

/** A target given to `LocalEventBridge.addRule` or `putTargets`. */
export type TargetSpec = LambdaTargetSpec | SqsTargetSpec;

/** A PutTargets `Target` as it arrives on the wire. */
export interface WireTarget {
  readonly Id?: unknown;
  readonly Arn?: unknown;
  readonly Input?: unknown;
  readonly InputPath?: unknown;
  readonly InputTransformer?: unknown;
  readonly DeadLetterConfig?: { readonly Arn?: unknown };
  readonly RetryPolicy?: {
    readonly MaximumRetryAttempts?: unknown;
    readonly MaximumEventAgeInSeconds?: unknown;
  };
}

/** Builds a target from the programmatic API. */
export function targetFromSpec(place: AwsPlace, spec: TargetSpec, index: number): RuleTarget {
  const common = {
    input: spec.input,
    inputPath: spec.inputPath,
    deadLetterQueue: spec.deadLetterQueueUrl ? { url: spec.deadLetterQueueUrl } : undefined,
    maximumRetryAttempts: spec.maximumRetryAttempts,
    maximumEventAgeSeconds: spec.maximumEventAgeSeconds,
  };
  if (spec.kind === 'lambda') {
    const functionName = spec.functionName ?? spec.id ?? `function-${index + 1}`;
    return {
      ...common,
      id: spec.id ?? functionName,
      arn: lambdaFunctionArn(place, functionName),
      destination: { kind: 'lambda', invoke: spec.invoke },
    };
  }
  const arn = queueArnFromUrl(place, spec.queueUrl);
  return {
    ...common,
    id: spec.id ?? arn.slice(arn.lastIndexOf(':') + 1),
    arn,
    destination: { kind: 'sqs', queue: { url: spec.queueUrl } },
  };
}

/**
 * Builds a target from a PutTargets entry, or says why the local bus cannot deliver to it
 * (answered as a FailedEntry, so the entry's other targets are still added).
 */
export function targetFromWire(
  wire: WireTarget & { readonly Id: string; readonly Arn: string },
): RuleTarget | { readonly error: string } {
  if (wire.InputTransformer !== undefined)
    return { error: 'InputTransformer is not supported by the local EventBridge.' };
  const arn = parseArn(wire.Arn);
  let destination: TargetDestination;
  if (arn?.service === 'sqs') destination = { kind: 'sqs', queue: { arn: wire.Arn } };
  else if (arn?.service === 'lambda' && arn.resource.startsWith('function:'))
    destination = { kind: 'lambda-arn', functionArn: wire.Arn };
  else
    return {
      error: `Target ${wire.Arn} is not supported locally; use an SQS queue or a Lambda function.`,
    };
  const deadLetterArn = wire.DeadLetterConfig?.Arn;
  if (
    deadLetterArn !== undefined &&
    (typeof deadLetterArn !== 'string' || parseArn(deadLetterArn)?.service !== 'sqs')
  )
    return { error: 'DeadLetterConfig.Arn must be the ARN of an SQS queue.' };
  const retry = wire.RetryPolicy ?? {};
  return {
    id: wire.Id,
    arn: wire.Arn,
    destination,
    input: typeof wire.Input === 'string' ? wire.Input : undefined,
    inputPath: typeof wire.InputPath === 'string' ? wire.InputPath : undefined,
    deadLetterQueue: typeof deadLetterArn === 'string' ? { arn: deadLetterArn } : undefined,
    maximumRetryAttempts:
      typeof retry.MaximumRetryAttempts === 'number' ? retry.MaximumRetryAttempts : undefined,
    maximumEventAgeSeconds:
      typeof retry.MaximumEventAgeInSeconds === 'number'
        ? retry.MaximumEventAgeInSeconds
        : undefined,
  };
}

/** Why a target's settings are invalid (AWS refuses these in PutTargets), or undefined. */
export function targetProblem(target: RuleTarget): string | undefined {
  if (!/^[.\-_A-Za-z0-9]{1,64}$/.test(target.id))
    return `Target Id "${target.id}" must be 1-64 characters of letters, digits, ".", "-" or "_".`;
  if (target.input !== undefined && target.inputPath !== undefined)
    return 'Only one of Input, InputPath or InputTransformer may be set.';
  if (target.input !== undefined) {
    try {
      JSON.parse(target.input);
    } catch {
      return 'Input must be valid JSON text.';
    }
  }
  if (target.inputPath !== undefined && !/^\$(\.[^.[\]]+|\[\d+\])*$/.test(target.inputPath))
    return `InputPath "${target.inputPath}" must be a JSONPath such as $.detail.`;
  if (target.maximumRetryAttempts !== undefined && !(target.maximumRetryAttempts >= 0))
    return 'RetryPolicy.MaximumRetryAttempts must be 0 or more.';
  return undefined;
}
