import type { LocalEventBridge } from '../eventbridge/index.js';
import { busNameOf } from '../eventbridge/arns.js';
import { targetFromWire, type RuleTarget, type WireTarget } from '../eventbridge/RuleTarget.js';
import type { LocalStageModel, StageResource } from './LocalStageModel.js';

/** A rule the stage put on a local bus. */
export interface ProvisionedRule {
  readonly resource: StageResource;
  readonly name: string;
  readonly busName: string;
  /** Each target's ARN (queue or function). */
  readonly targets: readonly string[];
}

/** Creates every `AWS::Events::EventBus` of the stage in the EventBridge emulator. */
export function provisionEventBuses(
  model: LocalStageModel,
  eventBridge: LocalEventBridge,
): string[] {
  return model.resourcesOfType('AWS::Events::EventBus').map((resource) => {
    const info = eventBridge.createEventBus(resource.name);
    model.record(resource, { ref: info.name, attributes: { Arn: info.arn, Name: info.name } });
    return info.name;
  });
}

/**
 * Puts every `AWS::Events::Rule` of the stage on its bus with its EventPattern, state and
 * targets (SQS queues and Lambda functions, with their DeadLetterConfig and RetryPolicy), as
 * PutRule and PutTargets would. A target the emulator cannot deliver to is refused by name.
 */
export function provisionEventRules(
  model: LocalStageModel,
  eventBridge: LocalEventBridge,
): ProvisionedRule[] {
  return model.resourcesOfType('AWS::Events::Rule').map((resource) => {
    const properties = model.resolve(
      resource,
      resource.resource.Properties ?? {},
      '.Properties',
    ) as {
      EventBusName?: string;
      EventPattern?: unknown;
      ScheduleExpression?: string;
      State?: 'ENABLED' | 'DISABLED';
      Description?: string;
      Targets?: (WireTarget & { Id: string; Arn: string })[];
    };
    const busName = busNameOf(properties.EventBusName ?? 'default');
    eventBridge.putRule({
      name: resource.name,
      eventBusName: busName,
      ...(properties.EventPattern !== undefined && {
        eventPattern: JSON.stringify(properties.EventPattern),
      }),
      ...(properties.ScheduleExpression && { scheduleExpression: properties.ScheduleExpression }),
      state: properties.State ?? 'ENABLED',
      ...(properties.Description && { description: properties.Description }),
    });
    const targets = (properties.Targets ?? []).map((wire) => {
      const target = targetFromWire(wire);
      if ('error' in target)
        throw new Error(
          `${resource.stack.stackName}.${resource.logicalId} target ${wire.Id}: ${target.error}`,
        );
      return target;
    });
    const failed = eventBridge.putRuleTargets(
      resource.name,
      targets satisfies RuleTarget[],
      busName,
    );
    if (failed.length > 0)
      throw new Error(
        `${resource.stack.stackName}.${resource.logicalId}: ${failed.map((each) => `${each.TargetId}: ${each.ErrorMessage}`).join('; ')}`,
      );
    model.record(resource, { ref: resource.name });
    return { resource, name: resource.name, busName, targets: targets.map((each) => each.arn) };
  });
}
