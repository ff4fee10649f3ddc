export {
  LocalEventBridge,
  type LocalEventBridgeOptions,
  type AddRuleInput,
  type PutRuleInput,
  type RuleInfo,
  type RuleState,
  type EventBusInfo,
  type PutEventsOutput,
  type FailedTarget,
} from './LocalEventBridge.js';
export type {
  TargetSpec,
  LambdaTargetSpec,
  SqsTargetSpec,
  TargetOptions,
  LambdaInvoke,
} from './RuleTarget.js';
export type { RetrySettings } from './DeliveryQueue.js';
export type { SqsConnection } from './TargetSender.js';
export type { LoggedEvent, DeliveryRecord, DeliveryStatus } from './EventLog.js';
export type { EventPattern, PatternValue, PatternOperator, AnythingBut } from './EventPattern.js';
export { parseEventPattern, InvalidEventPatternError } from './parseEventPattern.js';
export { matchesEventPattern } from './matchesEventPattern.js';
