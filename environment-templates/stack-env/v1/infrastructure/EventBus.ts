import { Duration, Stack } from 'aws-cdk-lib';
import { EventBus as EventBridgeBus } from 'aws-cdk-lib/aws-events';
import { Construct } from 'constructs';

/** Inputs of the environment's event bus. */
export interface EventBusProps {
  /** The environment's stage; the bus is named `stack-<stage>`. */
  readonly stageName: string;
  /** Archive events for 30 days when true, for 1 day when false. */
  readonly retainData: boolean;
}

/**
 * The environment's custom event bus: table changes arrive through `TableStreamPipe`, and
 * service rules fan them out to workers. An archive keeps recent events so they can be replayed
 * after a worker bug is fixed.
 */
export class EventBus extends Construct {
  /** The bus; rules of service instances attach to it. */
  readonly bus: EventBridgeBus;

  constructor(scope: Construct, id: string, props: EventBusProps) {
    super(scope, id);
    this.bus = new EventBridgeBus(this, 'Bus', { eventBusName: `stack-${props.stageName}` });
    // Archived events cost $0.10/GB archived plus storage: nothing at zero traffic. A day is
    // enough to replay a preview; 30 days covers a worker bug found in production.
    this.bus.archive('Archive', {
      description: `Events of stack-${props.stageName}, for replay`,
      eventPattern: { account: [Stack.of(this).account] },
      retention: Duration.days(props.retainData ? 30 : 1),
    });
  }
}
