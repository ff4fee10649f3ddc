import type { PutEventsRequestEntry } from '@aws-sdk/client-eventbridge';
import { AwsError, validationError } from './AwsError.js';
import { queueArnFromUrl, type AwsPlace } from './arns.js';
import type { EventBusInfo, FailedTarget, LocalEventBridge, RuleInfo } from './LocalEventBridge.js';
import {
  optionalBoolean,
  optionalNumber,
  optionalString,
  optionalStrings,
  optionalTimestamp,
  requiredList,
  requiredString,
  structure,
} from './readInput.js';
import { targetFromWire, type RuleTarget, type WireTarget } from './RuleTarget.js';
import type { AwsJsonHandler, JsonObject } from './startAwsJsonServer.js';

type Operation = (input: JsonObject) => object;

/**
 * The EventBridge API operations the local bus serves, as an AWS JSON 1.1 handler: it reads
 * each operation's input the way the API model names it and answers in the same shapes
 * (https://docs.aws.amazon.com/eventbridge/latest/APIReference/API_Operations.html).
 */
export function eventBridgeApi(bridge: LocalEventBridge): AwsJsonHandler {
  const busOf = (input: JsonObject) => optionalString(input, 'EventBusName') ?? 'default';
  const operations: Record<string, Operation> = {
    PutEvents: (input) => {
      const entries = requiredList(input, 'Entries').map((entry) => toEntry(entry));
      return bridge.putEvents(entries);
    },
    PutRule: (input) => {
      const state = optionalString(input, 'State');
      if (state !== undefined && !RULE_STATES.has(state))
        throw validationError(
          `Value '${state}' at 'state' failed to satisfy constraint: Member must satisfy enum value set: [${[...RULE_STATES].join(', ')}]`,
        );
      const rule = bridge.putRule({
        name: requiredString(input, 'Name'),
        eventBusName: busOf(input),
        eventPattern: optionalString(input, 'EventPattern'),
        scheduleExpression: optionalString(input, 'ScheduleExpression'),
        state: state as RuleInfo['state'] | undefined,
        description: optionalString(input, 'Description'),
      });
      return { RuleArn: rule.arn };
    },
    DescribeRule: (input) =>
      ruleOutput(bridge.describeRule(requiredString(input, 'Name'), busOf(input))),
    ListRules: (input) => {
      const rules = bridge.listRules(busOf(input), optionalString(input, 'NamePrefix'));
      const { items, NextToken } = page(rules, input);
      return { Rules: items.map(ruleOutput), NextToken };
    },
    EnableRule: (input) => {
      bridge.setRuleState(requiredString(input, 'Name'), 'ENABLED', busOf(input));
      return {};
    },
    DisableRule: (input) => {
      bridge.setRuleState(requiredString(input, 'Name'), 'DISABLED', busOf(input));
      return {};
    },
    DeleteRule: (input) => {
      const force = optionalBoolean(input, 'Force') ?? false;
      bridge.deleteRule(requiredString(input, 'Name'), busOf(input), force);
      return {};
    },
    PutTargets: (input) => {
      const ruleName = requiredString(input, 'Rule');
      const wires = requiredList(input, 'Targets');
      if (wires.length === 0 || wires.length > 10)
        throw validationError(
          `Value at 'targets' failed to satisfy constraint: Member must have length between 1 and 10`,
        );
      const failed: FailedTarget[] = [];
      const targets: RuleTarget[] = [];
      for (const wire of wires) {
        const fields = structure(wire, 'Targets');
        const Id = requiredString(fields, 'Id');
        const Arn = requiredString(fields, 'Arn');
        const target = targetFromWire({ ...(fields as WireTarget), Id, Arn });
        if ('error' in target)
          failed.push({
            TargetId: Id,
            ErrorCode: 'ValidationException',
            ErrorMessage: target.error,
          });
        else targets.push(target);
      }
      failed.push(...bridge.putRuleTargets(ruleName, targets, busOf(input)));
      return { FailedEntryCount: failed.length, FailedEntries: failed };
    },
    ListTargetsByRule: (input) => {
      const targets = bridge.listTargets(requiredString(input, 'Rule'), busOf(input));
      const { items, NextToken } = page(targets, input);
      return { Targets: items.map((target) => targetOutput(target, bridge.place)), NextToken };
    },
    RemoveTargets: (input) => {
      const ids = optionalStrings(input, 'Ids') ?? [];
      bridge.removeTargets(requiredString(input, 'Rule'), ids, busOf(input));
      return { FailedEntryCount: 0, FailedEntries: [] };
    },
    CreateEventBus: (input) => ({
      EventBusArn: bridge.createEventBus(requiredString(input, 'Name')).arn,
    }),
    DescribeEventBus: (input) =>
      busOutput(bridge.describeEventBus(optionalString(input, 'Name') ?? 'default')),
    ListEventBuses: (input) => {
      const buses = bridge.listEventBuses(optionalString(input, 'NamePrefix'));
      const { items, NextToken } = page(buses, input);
      return { EventBuses: items.map(busOutput), NextToken };
    },
    DeleteEventBus: (input) => {
      bridge.deleteEventBus(requiredString(input, 'Name'));
      return {};
    },
    TestEventPattern: (input) => ({
      Result: bridge.testEventPattern(
        requiredString(input, 'EventPattern'),
        requiredString(input, 'Event'),
      ),
    }),
  };
  return (operation, input) => {
    const run = Object.hasOwn(operations, operation) ? operations[operation] : undefined;
    if (!run)
      throw new AwsError(
        'UnknownOperationException',
        `The local EventBridge does not support ${operation}; it serves ${Object.keys(operations).join(', ')}.`,
      );
    return Promise.resolve(run(input));
  };
}

const RULE_STATES = new Set([
  'ENABLED',
  'DISABLED',
  'ENABLED_WITH_ALL_CLOUDTRAIL_MANAGEMENT_EVENTS',
]);

function toEntry(wire: unknown): PutEventsRequestEntry {
  const entry = structure(wire, 'Entries');
  return {
    Time: optionalTimestamp(entry, 'Time'),
    Source: optionalString(entry, 'Source'),
    Resources: optionalStrings(entry, 'Resources'),
    DetailType: optionalString(entry, 'DetailType'),
    Detail: optionalString(entry, 'Detail'),
    EventBusName: optionalString(entry, 'EventBusName'),
    TraceHeader: optionalString(entry, 'TraceHeader'),
  };
}

/** List operations page with an opaque NextToken (here, the next index) and Limit ≤ 100. */
function page<T>(items: readonly T[], input: JsonObject): { items: T[]; NextToken?: string } {
  const limit = optionalNumber(input, 'Limit') ?? 100;
  if (!Number.isInteger(limit) || limit < 1 || limit > 100)
    throw validationError(
      `Value '${limit}' at 'limit' failed to satisfy constraint: Member must have value between 1 and 100`,
    );
  const token = optionalString(input, 'NextToken');
  const start = token === undefined ? 0 : Number(Buffer.from(token, 'base64url').toString('utf8'));
  if (!Number.isInteger(start) || start < 0)
    throw new AwsError('ValidationException', 'The NextToken is not valid.');
  const end = start + limit;
  return {
    items: items.slice(start, end),
    NextToken: end < items.length ? Buffer.from(String(end)).toString('base64url') : undefined,
  };
}

// Undefined members vanish in JSON.stringify, as absent members do in AWS's answers.
function ruleOutput(rule: RuleInfo): object {
  return {
    Name: rule.name,
    Arn: rule.arn,
    EventPattern: rule.eventPattern,
    ScheduleExpression: rule.scheduleExpression,
    State: rule.state,
    Description: rule.description,
    EventBusName: rule.eventBusName,
  };
}

function busOutput(bus: EventBusInfo): object {
  // JSON 1.1 sends timestamps as epoch seconds.
  return {
    Name: bus.name,
    Arn: bus.arn,
    CreationTime: bus.creationTime.getTime() / 1000,
    LastModifiedTime: bus.lastModifiedTime.getTime() / 1000,
  };
}

function targetOutput(target: RuleTarget, place: AwsPlace): object {
  const dlq = target.deadLetterQueue;
  const hasRetryPolicy =
    target.maximumRetryAttempts !== undefined || target.maximumEventAgeSeconds !== undefined;
  return {
    Id: target.id,
    Arn: target.arn,
    Input: target.input,
    InputPath: target.inputPath,
    DeadLetterConfig: dlq && { Arn: 'arn' in dlq ? dlq.arn : queueArnFromUrl(place, dlq.url) },
    RetryPolicy: hasRetryPolicy
      ? {
          MaximumRetryAttempts: target.maximumRetryAttempts,
          MaximumEventAgeInSeconds: target.maximumEventAgeSeconds,
        }
      : undefined,
  };
}
