import { afterEach, beforeEach, describe, expect, it } from '@jest/globals';
import {
  CreateEventBusCommand,
  DeleteRuleCommand,
  DescribeEventBusCommand,
  DisableRuleCommand,
  ListEventBusesCommand,
  ListRulesCommand,
  ListTargetsByRuleCommand,
  PutEventsCommand,
  PutRuleCommand,
  PutTargetsCommand,
  TestEventPatternCommand,
} from '@aws-sdk/client-eventbridge';
import type { LambdaInvoke } from '../../src/eventbridge/RuleTarget.js';
import { recordingLambda, REGION, startTestBus, type TestBus } from './testBus.js';

const ACCOUNT = '000000000000';
const functionArn = (name: string) => `arn:aws:lambda:${REGION}:${ACCOUNT}:function:${name}`;

describe('LocalEventBridge: rules and targets through the API', () => {
  let bus: TestBus;
  const lambdas = new Map<string, ReturnType<typeof recordingLambda>>();

  /** Puts a rule and one Lambda target named after it, as a deployed stack would. */
  async function putRuleWithLambda(name: string, pattern: object, eventBusName?: string) {
    const lambda = recordingLambda();
    lambdas.set(name, lambda);
    await bus.client.send(
      new PutRuleCommand({
        Name: name,
        EventPattern: JSON.stringify(pattern),
        EventBusName: eventBusName,
      }),
    );
    const result = await bus.client.send(
      new PutTargetsCommand({
        Rule: name,
        EventBusName: eventBusName,
        Targets: [{ Id: `${name}-fn`, Arn: functionArn(name) }],
      }),
    );
    expect(result.FailedEntryCount).toBe(0);
    return lambda;
  }

  const idsReceivedBy = (name: string) =>
    (lambdas.get(name)?.received ?? []).map((event) => (event as { id: string }).id);

  beforeEach(async () => {
    lambdas.clear();
    // PutTargets names functions by ARN; the local Lambda runner would resolve them like this.
    bus = await startTestBus({
      resolveLambda: (arn): LambdaInvoke | undefined =>
        lambdas.get(arn.slice(arn.lastIndexOf(':') + 1))?.invoke,
    });
  });

  afterEach(async () => {
    await bus.close();
  });

  it('routes events by prefix, numeric, anything-but and exists rules', async () => {
    // Prepare
    await putRuleWithLambda('eu-orders', { detail: { region: [{ prefix: 'eu-' }] } });
    await putRuleWithLambda('big-orders', { detail: { total: [{ numeric: ['>=', 100] }] } });
    await putRuleWithLambda('real-orders', { source: [{ 'anything-but': { prefix: 'test.' } }] });
    await putRuleWithLambda('with-coupon', { detail: { coupon: [{ exists: true }] } });
    const entry = (source: string, detail: object) => ({
      Source: source,
      DetailType: 'OrderPlaced',
      Detail: JSON.stringify(detail),
    });

    // Act
    const result = await bus.client.send(
      new PutEventsCommand({
        Entries: [
          entry('shop', { region: 'eu-west-1', total: 10 }),
          entry('test.shop', { region: 'us-east-1', total: 150, coupon: 'SPRING' }),
        ],
      }),
    );
    await bus.bridge.waitForDeliveries();

    // Assess
    const [small, big] = (result.Entries ?? []).map((resultEntry) => resultEntry.EventId);
    expect(idsReceivedBy('eu-orders')).toEqual([small]);
    expect(idsReceivedBy('big-orders')).toEqual([big]);
    expect(idsReceivedBy('real-orders')).toEqual([small]);
    expect(idsReceivedBy('with-coupon')).toEqual([big]);
  });

  it('lists rules and targets as the API describes them', async () => {
    // Prepare
    await putRuleWithLambda('b-rule', { source: ['b'] });
    await putRuleWithLambda('a-rule', { source: ['a'] });

    // Act
    const rules = await bus.client.send(new ListRulesCommand({}));
    const firstPage = await bus.client.send(new ListRulesCommand({ Limit: 1 }));
    const secondPage = await bus.client.send(
      new ListRulesCommand({ Limit: 1, NextToken: firstPage.NextToken }),
    );
    const targets = await bus.client.send(new ListTargetsByRuleCommand({ Rule: 'a-rule' }));

    // Assess
    expect(rules.Rules).toEqual([
      {
        Name: 'a-rule',
        Arn: `arn:aws:events:${REGION}:${ACCOUNT}:rule/a-rule`,
        EventPattern: '{"source":["a"]}',
        State: 'ENABLED',
        EventBusName: 'default',
      },
      expect.objectContaining({ Name: 'b-rule' }),
    ]);
    expect(firstPage.Rules?.map((rule) => rule.Name)).toEqual(['a-rule']);
    expect(secondPage.Rules?.map((rule) => rule.Name)).toEqual(['b-rule']);
    expect(secondPage.NextToken).toBeUndefined();
    expect(targets.Targets).toEqual([{ Id: 'a-rule-fn', Arn: functionArn('a-rule') }]);
  });

  it('refuses an invalid pattern with InvalidEventPatternException naming the path', async () => {
    // Prepare
    const pattern = JSON.stringify({ detail: { total: [{ numeric: ['>', 'ten'] }] } });

    // Act
    const refusal = bus.client.send(new PutRuleCommand({ Name: 'bad', EventPattern: pattern }));

    // Assess
    await expect(refusal).rejects.toMatchObject({
      name: 'InvalidEventPatternException',
      message: expect.stringContaining('detail.total[0].numeric[1]'),
    });
  });

  it('refuses targets for a rule that does not exist', async () => {
    // Prepare
    const command = new PutTargetsCommand({
      Rule: 'missing',
      Targets: [{ Id: 'fn', Arn: functionArn('x') }],
    });

    // Act
    const refusal = bus.client.send(command);

    // Assess
    await expect(refusal).rejects.toMatchObject({
      name: 'ResourceNotFoundException',
      message: 'Rule missing does not exist on EventBus default.',
    });
  });

  it('answers a target it cannot deliver to as a failed entry', async () => {
    // Prepare
    await bus.client.send(new PutRuleCommand({ Name: 'r', EventPattern: '{"source":["a"]}' }));

    // Act
    const result = await bus.client.send(
      new PutTargetsCommand({
        Rule: 'r',
        Targets: [
          { Id: 'machine', Arn: `arn:aws:states:${REGION}:${ACCOUNT}:stateMachine:flow` },
          { Id: 'fn', Arn: functionArn('r') },
        ],
      }),
    );

    // Assess
    expect(result.FailedEntryCount).toBe(1);
    expect(result.FailedEntries?.[0]).toMatchObject({ TargetId: 'machine' });
    expect(bus.bridge.listTargets('r').map((target) => target.id)).toEqual(['fn']);
  });

  it('routes events on a custom bus only to that bus’s rules', async () => {
    // Prepare
    const created = await bus.client.send(new CreateEventBusCommand({ Name: 'orders' }));
    await putRuleWithLambda('on-orders-bus', { source: ['shop'] }, 'orders');
    await putRuleWithLambda('on-default-bus', { source: ['shop'] });
    const entry = { Source: 'shop', DetailType: 'OrderPlaced', Detail: '{}' };

    // Act
    const result = await bus.client.send(
      new PutEventsCommand({ Entries: [{ ...entry, EventBusName: created.EventBusArn }] }),
    );
    await bus.bridge.waitForDeliveries();

    // Assess
    expect(created.EventBusArn).toBe(`arn:aws:events:${REGION}:${ACCOUNT}:event-bus/orders`);
    expect(idsReceivedBy('on-orders-bus')).toEqual([result.Entries?.[0]?.EventId]);
    expect(idsReceivedBy('on-default-bus')).toEqual([]);
    expect(bus.bridge.describeRule('on-orders-bus', 'orders').arn).toBe(
      `arn:aws:events:${REGION}:${ACCOUNT}:rule/orders/on-orders-bus`,
    );
  });

  it('skips a disabled rule', async () => {
    // Prepare
    await putRuleWithLambda('paused', { source: ['shop'] });
    await bus.client.send(new DisableRuleCommand({ Name: 'paused' }));

    // Act
    await bus.client.send(
      new PutEventsCommand({ Entries: [{ Source: 'shop', DetailType: 'T', Detail: '{}' }] }),
    );
    await bus.bridge.waitForDeliveries();

    // Assess
    expect(idsReceivedBy('paused')).toEqual([]);
  });

  it('refuses to delete a rule that has targets unless forced', async () => {
    // Prepare
    await putRuleWithLambda('kept', { source: ['shop'] });

    // Act
    const refusal = bus.client.send(new DeleteRuleCommand({ Name: 'kept' }));
    await expect(refusal).rejects.toMatchObject({ name: 'ValidationException' });
    await bus.client.send(new DeleteRuleCommand({ Name: 'kept', Force: true }));

    // Assess
    expect(bus.bridge.listRules()).toEqual([]);
  });

  it('describes and lists event buses', async () => {
    // Prepare
    await bus.client.send(new CreateEventBusCommand({ Name: 'orders' }));

    // Act
    const described = await bus.client.send(new DescribeEventBusCommand({}));
    const listed = await bus.client.send(new ListEventBusesCommand({}));

    // Assess
    expect(described).toMatchObject({
      Name: 'default',
      Arn: `arn:aws:events:${REGION}:${ACCOUNT}:event-bus/default`,
      CreationTime: expect.any(Date),
    });
    expect(listed.EventBuses?.map((eventBus) => eventBus.Name)).toEqual(['default', 'orders']);
  });

  it('tests an event against a pattern', async () => {
    // Prepare
    const event = JSON.stringify({
      id: '1',
      account: ACCOUNT,
      source: 'shop',
      time: '2024-01-01T00:00:00Z',
      region: REGION,
      'detail-type': 'T',
      detail: { total: 7 },
    });

    // Act
    const hit = await bus.client.send(
      new TestEventPatternCommand({
        Event: event,
        EventPattern: '{"detail":{"total":[{"numeric":[">",5]}]}}',
      }),
    );
    const miss = await bus.client.send(
      new TestEventPatternCommand({ Event: event, EventPattern: '{"source":["other"]}' }),
    );

    // Assess
    expect(hit.Result).toBe(true);
    expect(miss.Result).toBe(false);
  });
});
