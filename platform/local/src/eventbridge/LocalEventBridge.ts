import type { PutEventsRequestEntry, PutEventsResultEntry } from '@aws-sdk/client-eventbridge';
import type { EventBridgeEvent } from 'aws-lambda';
import { AwsError, validationError } from './AwsError.js';
import { busNameOf, eventBusArn, ruleArn, type AwsPlace } from './arns.js';
import { DeliveryQueue, type RetrySettings } from './DeliveryQueue.js';
import { EventLog, type DeliveryRecord, type LoggedEvent } from './EventLog.js';
import type { EventPattern } from './EventPattern.js';
import { eventBridgeApi } from './eventBridgeApi.js';
import { matchesEventPattern } from './matchesEventPattern.js';
import { InvalidEventPatternError, parseEventPattern } from './parseEventPattern.js';
import {
  entryError,
  entrySize,
  eventFromEntry,
  MAX_ENTRIES_BYTES,
  MAX_ENTRIES_PER_CALL,
} from './putEventsEntry.js';
import {
  targetFromSpec,
  targetProblem,
  type LambdaInvoke,
  type RuleTarget,
  type TargetSpec,
} from './RuleTarget.js';
import { startAwsJsonServer, type AwsJsonServer } from './startAwsJsonServer.js';
import { TargetSender, type SqsConnection } from './TargetSender.js';

/** Options of `LocalEventBridge`. */
export interface LocalEventBridgeOptions {
  /** Defaults to `AWS_REGION`, else `us-east-1`. */
  readonly region?: string;
  /** Defaults to `000000000000`, the account the other local emulators use. */
  readonly account?: string;
  /** How SQS targets and dead-letter queues are reached. */
  readonly sqs?: SqsConnection;
  /** Finds the in-process handler for a Lambda ARN given to PutTargets. */
  readonly resolveLambda?: (functionArn: string) => LambdaInvoke | undefined;
  /** Defaults: 3 retries, 100 ms first backoff, 2 s longest. */
  readonly retry?: Partial<RetrySettings>;
  /** How many recent events `events` keeps; defaults to 200. */
  readonly eventLogSize?: number;
}

/** A rule's state; AWS's CloudTrail variant counts as enabled. */
export type RuleState = 'ENABLED' | 'DISABLED' | 'ENABLED_WITH_ALL_CLOUDTRAIL_MANAGEMENT_EVENTS';

/** An event bus as DescribeEventBus describes it. */
export interface EventBusInfo {
  readonly name: string;
  readonly arn: string;
  readonly creationTime: Date;
  readonly lastModifiedTime: Date;
}

/** A rule as DescribeRule and ListRules describe it. */
export interface RuleInfo {
  readonly name: string;
  readonly arn: string;
  readonly eventBusName: string;
  readonly eventPattern?: string;
  readonly scheduleExpression?: string;
  readonly state: RuleState;
  readonly description?: string;
}

/** The input of `putRule`, PutRule's parameters. */
export interface PutRuleInput {
  readonly name: string;
  readonly eventBusName?: string;
  readonly eventPattern?: EventPattern | string;
  /** Kept and listed, but never fired: the local bus has no scheduler. */
  readonly scheduleExpression?: string;
  readonly state?: RuleState;
  readonly description?: string;
}

/** The input of `addRule`: a rule and its targets in one call. */
export interface AddRuleInput {
  readonly name: string;
  /** Defaults to `default`. */
  readonly busName?: string;
  readonly pattern: EventPattern | string;
  readonly targets?: readonly TargetSpec[];
  readonly state?: RuleState;
  readonly description?: string;
}

/** PutEvents' answer: one result per entry, in order, an EventId or an error. */
export interface PutEventsOutput {
  readonly FailedEntryCount: number;
  readonly Entries: PutEventsResultEntry[];
}

/** A target PutTargets could not add, and why. */
export interface FailedTarget {
  readonly TargetId: string;
  readonly ErrorCode: string;
  readonly ErrorMessage: string;
}

interface Bus {
  info: EventBusInfo;
  readonly rules: Map<string, Rule>;
}

interface Rule {
  info: RuleInfo;
  pattern: EventPattern | undefined;
  readonly targets: Map<string, RuleTarget>;
}

/** AWS's quota: "Targets per rule: 5". */
const MAX_TARGETS_PER_RULE = 5;

/**
 * A local Amazon EventBridge: event buses, rules with event patterns, and targets that run
 * in-process Lambda handlers or send to SQS. `start()` serves the AWS JSON 1.1 API so the
 * real `EventBridgeClient` works against it; the methods below are the same API for code.
 */
export class LocalEventBridge {
  /** The Region and account events and ARNs carry. */
  readonly place: AwsPlace;
  readonly #buses = new Map<string, Bus>();
  readonly #log: EventLog;
  readonly #sender: TargetSender;
  readonly #deliveries: DeliveryQueue;
  #server: AwsJsonServer | undefined;

  constructor(options: LocalEventBridgeOptions = {}) {
    this.place = {
      region: options.region ?? process.env.AWS_REGION ?? 'us-east-1',
      account: options.account ?? '000000000000',
    };
    this.#log = new EventLog(options.eventLogSize ?? 200);
    this.#sender = new TargetSender({
      place: this.place,
      sqs: options.sqs,
      resolveLambda: options.resolveLambda,
    });
    this.#deliveries = new DeliveryQueue(this.#sender, {
      maximumRetryAttempts: options.retry?.maximumRetryAttempts ?? 3,
      baseDelayMs: options.retry?.baseDelayMs ?? 100,
      maxDelayMs: options.retry?.maxDelayMs ?? 2_000,
    });
    // Every account has the `default` bus; it cannot be created or deleted.
    this.createEventBus('default');
  }

  /** Serves the EventBridge API over HTTP; resolves to the endpoint URL for SDK clients. */
  async start(options: { port?: number; host?: string } = {}): Promise<string> {
    if (this.#server) throw new Error('The local EventBridge is already started.');
    this.#server = await startAwsJsonServer({
      targetPrefix: 'AWSEvents',
      handle: eventBridgeApi(this),
      port: options.port,
      host: options.host,
    });
    return this.#server.url;
  }

  /** The endpoint URL once started, what `EventBridgeClient` takes as `endpoint`. */
  get url(): string {
    if (!this.#server) throw new Error('The local EventBridge is not started.');
    return this.#server.url;
  }

  /** Stops serving, abandons pending retries and releases the SQS client. */
  async close(): Promise<void> {
    await this.#server?.close();
    this.#server = undefined;
    await this.#deliveries.close();
    this.#sender.close();
  }

  /** Recent accepted events with the rules they matched and each delivery's outcome. */
  get events(): LoggedEvent[] {
    return this.#log.list();
  }

  /** Resolves once every delivery (with its retries and DLQ send) has finished. */
  waitForDeliveries(): Promise<void> {
    return this.#deliveries.drained();
  }

  /** Creates a custom event bus (CreateEventBus). */
  createEventBus(name: string): EventBusInfo {
    if (!/^[/.\-_A-Za-z0-9]{1,256}$/.test(name))
      throw validationError(
        `Value '${name}' at 'name' failed to satisfy constraint: Member must satisfy regular expression pattern: [/\\.\\-_A-Za-z0-9]+`,
      );
    if (this.#buses.has(name))
      throw new AwsError('ResourceAlreadyExistsException', `Event bus ${name} already exists.`);
    const now = new Date();
    const info = {
      name,
      arn: eventBusArn(this.place, name),
      creationTime: now,
      lastModifiedTime: now,
    };
    this.#buses.set(name, { info, rules: new Map() });
    return info;
  }

  /** Describes a bus by name or ARN (DescribeEventBus). */
  describeEventBus(nameOrArn = 'default'): EventBusInfo {
    return this.#bus(nameOrArn).info;
  }

  /** Lists buses, optionally by name prefix (ListEventBuses). */
  listEventBuses(namePrefix = ''): EventBusInfo[] {
    return [...this.#buses.values()]
      .map((bus) => bus.info)
      .filter((info) => info.name.startsWith(namePrefix))
      .sort((a, b) => a.name.localeCompare(b.name));
  }

  /** Deletes a custom bus and its rules (DeleteEventBus); unknown names are ignored, as in AWS. */
  deleteEventBus(name: string): void {
    if (name === 'default')
      throw new AwsError('ValidationException', 'Cannot delete event bus default.');
    this.#buses.delete(name);
  }

  /** Creates or updates a rule, keeping its targets (PutRule). */
  putRule(input: PutRuleInput): RuleInfo {
    if (!/^[.\-_A-Za-z0-9]{1,64}$/.test(input.name))
      throw validationError(
        `Value '${input.name}' at 'name' failed to satisfy constraint: Member must satisfy regular expression pattern: [\\.\\-_A-Za-z0-9]+`,
      );
    if (input.eventPattern === undefined && input.scheduleExpression === undefined)
      throw new AwsError(
        'ValidationException',
        'Parameter(s) EventPattern or ScheduleExpression must be specified.',
      );
    const checked = input.eventPattern === undefined ? undefined : checkPattern(input.eventPattern);
    const bus = this.#bus(input.eventBusName ?? 'default');
    const info: RuleInfo = {
      name: input.name,
      arn: ruleArn(this.place, bus.info.name, input.name),
      eventBusName: bus.info.name,
      eventPattern: checked?.text,
      scheduleExpression: input.scheduleExpression,
      state: input.state ?? 'ENABLED',
      description: input.description,
    };
    const existing = bus.rules.get(input.name);
    if (existing) Object.assign(existing, { info, pattern: checked?.pattern });
    else bus.rules.set(input.name, { info, pattern: checked?.pattern, targets: new Map() });
    return info;
  }

  /** Creates or updates a rule and puts its targets in one call. */
  addRule(input: AddRuleInput): RuleInfo {
    const info = this.putRule({
      name: input.name,
      eventBusName: input.busName,
      eventPattern: input.pattern,
      state: input.state,
      description: input.description,
    });
    if (input.targets?.length) this.putTargets(input.name, input.targets, info.eventBusName);
    return info;
  }

  /** Describes a rule (DescribeRule). */
  describeRule(name: string, eventBusName = 'default'): RuleInfo {
    return this.#rule(name, eventBusName).info;
  }

  /** Lists a bus's rules by name, optionally by name prefix (ListRules). */
  listRules(eventBusName = 'default', namePrefix = ''): RuleInfo[] {
    return [...this.#bus(eventBusName).rules.values()]
      .map((rule) => rule.info)
      .filter((info) => info.name.startsWith(namePrefix))
      .sort((a, b) => a.name.localeCompare(b.name));
  }

  /** Enables or disables a rule (EnableRule, DisableRule). */
  setRuleState(name: string, state: RuleState, eventBusName = 'default'): void {
    const rule = this.#rule(name, eventBusName);
    rule.info = { ...rule.info, state };
  }

  /** Deletes a rule (DeleteRule); one with targets only when forced, as in AWS. */
  deleteRule(name: string, eventBusName = 'default', force = false): void {
    const bus = this.#bus(eventBusName);
    const rule = bus.rules.get(name);
    if (!rule) return;
    if (rule.targets.size > 0 && !force)
      throw new AwsError('ValidationException', "Rule can't be deleted since it has targets.");
    bus.rules.delete(name);
  }

  /** Adds or replaces targets of a rule by id; throws if any target is invalid. */
  putTargets(ruleName: string, targets: readonly TargetSpec[], eventBusName = 'default'): void {
    const failed = this.putRuleTargets(
      ruleName,
      targets.map((spec, index) => targetFromSpec(this.place, spec, index)),
      eventBusName,
    );
    if (failed.length > 0)
      throw new AwsError('ValidationException', failed.map((f) => f.ErrorMessage).join(' '));
  }

  /** Adds or replaces already-built targets (PutTargets); answers the ones it refused. */
  putRuleTargets(
    ruleName: string,
    targets: readonly RuleTarget[],
    eventBusName = 'default',
  ): FailedTarget[] {
    const rule = this.#rule(ruleName, eventBusName);
    const failed: FailedTarget[] = [];
    const accepted = targets.filter((target) => {
      const problem = targetProblem(target);
      if (problem)
        failed.push({
          TargetId: target.id,
          ErrorCode: 'ValidationException',
          ErrorMessage: problem,
        });
      return !problem;
    });
    const ids = new Set([...rule.targets.keys(), ...accepted.map((target) => target.id)]);
    if (ids.size > MAX_TARGETS_PER_RULE)
      throw new AwsError(
        'LimitExceededException',
        `The requested resource exceeds the maximum number allowed (${MAX_TARGETS_PER_RULE} targets per rule).`,
      );
    for (const target of accepted) rule.targets.set(target.id, target);
    return failed;
  }

  /** A rule's targets (ListTargetsByRule). */
  listTargets(ruleName: string, eventBusName = 'default'): RuleTarget[] {
    return [...this.#rule(ruleName, eventBusName).targets.values()];
  }

  /** Removes targets by id (RemoveTargets); unknown ids are ignored. */
  removeTargets(ruleName: string, ids: readonly string[], eventBusName = 'default'): void {
    const rule = this.#rule(ruleName, eventBusName);
    for (const id of ids) rule.targets.delete(id);
  }

  /**
   * Accepts events (PutEvents): refuses the whole call for more than 10 entries or 256 KB,
   * answers a per-entry error for a bad entry, and otherwise gives each event an id and routes
   * it to the matching rules' targets after answering.
   */
  putEvents(entries: readonly PutEventsRequestEntry[]): PutEventsOutput {
    if (entries.length === 0)
      throw validationError(
        "Value '[]' at 'entries' failed to satisfy constraint: Member must have length greater than or equal to 1",
      );
    if (entries.length > MAX_ENTRIES_PER_CALL)
      throw validationError(
        `Value '[${entries.length} entries]' at 'entries' failed to satisfy constraint: Member must have length less than or equal to ${MAX_ENTRIES_PER_CALL}`,
      );
    const size = entries.reduce((sum, entry) => sum + entrySize(entry), 0);
    if (size > MAX_ENTRIES_BYTES)
      throw new AwsError(
        'ValidationException',
        'Total size of the entries in the request is over the limit.',
      );
    const results = entries.map((entry): PutEventsResultEntry => {
      const error = entryError(entry);
      if (error) return error;
      const event = eventFromEntry(entry, this.place);
      this.#route(event, busNameOf(entry.EventBusName ?? 'default'));
      return { EventId: event.id };
    });
    return {
      FailedEntryCount: results.filter((result) => result.ErrorCode).length,
      Entries: results,
    };
  }

  /** Whether an event (JSON text) matches a pattern (TestEventPattern). */
  testEventPattern(eventPattern: EventPattern | string, event: string): boolean {
    const { pattern } = checkPattern(eventPattern);
    let parsed: unknown;
    try {
      parsed = JSON.parse(event);
    } catch {
      parsed = undefined;
    }
    // AWS requires the envelope's fields, except `resources` despite the API reference.
    const required = ['id', 'account', 'source', 'time', 'region', 'detail-type'];
    if (
      typeof parsed !== 'object' ||
      parsed === null ||
      required.some((field) => !Object.hasOwn(parsed, field))
    )
      throw new AwsError('ValidationException', 'Parameter Event is not valid.');
    return matchesEventPattern(pattern, parsed);
  }

  #route(event: EventBridgeEvent<string, unknown>, busName: string): void {
    const bus = this.#buses.get(busName);
    if (!bus) {
      // AWS answers an EventId for an entry naming a bus that does not exist, then drops it.
      this.#log.add({
        event,
        eventBusName: busName,
        matchedRules: [],
        droppedBecause: `Event bus ${busName} does not exist.`,
        deliveries: [],
      });
      return;
    }
    const matched = [...bus.rules.values()].filter(
      (rule) =>
        rule.info.state !== 'DISABLED' &&
        rule.pattern !== undefined &&
        matchesEventPattern(rule.pattern, event),
    );
    const deliveries: DeliveryRecord[] = [];
    this.#log.add({
      event,
      eventBusName: busName,
      matchedRules: matched.map((rule) => rule.info.name),
      deliveries,
    });
    for (const rule of matched)
      for (const target of rule.targets.values()) {
        const record: DeliveryRecord = {
          ruleName: rule.info.name,
          ruleArn: rule.info.arn,
          targetId: target.id,
          targetArn: target.arn,
          status: 'pending',
          attempts: 0,
        };
        deliveries.push(record);
        this.#deliveries.enqueue({ ruleArn: rule.info.arn, target, event, record });
      }
  }

  #bus(nameOrArn: string): Bus {
    const name = busNameOf(nameOrArn);
    const bus = this.#buses.get(name);
    if (!bus) throw new AwsError('ResourceNotFoundException', `Event bus ${name} does not exist.`);
    return bus;
  }

  #rule(name: string, eventBusName: string): Rule {
    const bus = this.#bus(eventBusName);
    const rule = bus.rules.get(name);
    if (!rule)
      throw new AwsError(
        'ResourceNotFoundException',
        `Rule ${name} does not exist on EventBus ${bus.info.name}.`,
      );
    return rule;
  }
}

function checkPattern(pattern: EventPattern | string): { pattern: EventPattern; text: string } {
  const text = typeof pattern === 'string' ? pattern : JSON.stringify(pattern);
  try {
    return { pattern: parseEventPattern(text), text };
  } catch (error) {
    if (error instanceof InvalidEventPatternError)
      throw new AwsError('InvalidEventPatternException', error.message);
    throw error;
  }
}
