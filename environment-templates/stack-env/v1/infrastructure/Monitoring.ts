import { Duration } from 'aws-cdk-lib';
import type { HttpApi } from 'aws-cdk-lib/aws-apigatewayv2';
import {
  Alarm,
  ComparisonOperator,
  Dashboard,
  GraphWidget,
  type IMetric,
  Metric,
  TreatMissingData,
} from 'aws-cdk-lib/aws-cloudwatch';
import { SnsAction } from 'aws-cdk-lib/aws-cloudwatch-actions';
import type { Table } from 'aws-cdk-lib/aws-dynamodb';
import type { CfnPipe } from 'aws-cdk-lib/aws-pipes';
import type { ITopic } from 'aws-cdk-lib/aws-sns';
import type { IQueue } from 'aws-cdk-lib/aws-sqs';
import { Construct } from 'constructs';
import type { StackFunction } from './StackFunction.js';

/** A function to watch, and when its errors are worth an alarm. */
export interface MonitoredFunction {
  /** Display name in widgets and alarm names, e.g. `router`. */
  readonly name: string;
  /** The function. */
  readonly function: StackFunction;
  /** Errors per five minutes that count as failing (default 1). */
  readonly errorThreshold?: number;
  /** Consecutive failing five-minute periods that raise the alarm (default 1). */
  readonly errorPeriods?: number;
  /** What the error alarm means (default: the function failed). */
  readonly errorDescription?: string;
  /**
   * Alarm on throttles (default true). Turn off only where another alarm already catches them:
   * every alarm past an account's tenth costs $0.10/month.
   */
  readonly throttleAlarm?: boolean;
}

/** What the environment's monitoring watches. */
export interface MonitoringProps {
  /** The environment's stage; names the dashboard and alarms. */
  readonly stageName: string;
  /** Create the dashboard (3 free per account, then $3/month). */
  readonly dashboard: boolean;
  /** Create the alarms (10 free per account, then $0.10/month each). */
  readonly alarms: boolean;
  /** Topic every alarm notifies, on ALARM and back to OK. */
  readonly alarmTopic: ITopic;
  /** The HTTP API. */
  readonly httpApi: HttpApi;
  /** The functions to watch. */
  readonly functions: readonly MonitoredFunction[];
  /** Dead-letter queues, by display name. */
  readonly deadLetterQueues: Readonly<Record<string, IQueue>>;
  /** The table. */
  readonly table: Table;
  /** The table-to-bus pipe. */
  readonly pipe: CfnPipe;
}

const FIVE_MINUTES = Duration.minutes(5);
// p99 latency of the API above this for 15 minutes means users wait.
const API_P99_LATENCY_MS = 2_000;

/**
 * The environment's CloudWatch dashboard and alarms, each optional (the `dashboard` and `alarms`
 * inputs). Alarms treat missing data as fine: an environment nobody calls is healthy.
 */
export class Monitoring extends Construct {
  /** The dashboard, when the `dashboard` input is true. */
  readonly dashboard?: Dashboard;
  /** The alarms, when the `alarms` input is true. */
  readonly alarms: readonly Alarm[];

  constructor(scope: Construct, id: string, props: MonitoringProps) {
    super(scope, id);
    const { httpApi, table } = props;
    const functions = props.functions;
    const queues = Object.entries(props.deadLetterQueues);
    const sum = { statistic: 'Sum', period: FIVE_MINUTES };
    const requests = httpApi.metricCount({ ...sum, label: 'requests' });
    const clientErrors = httpApi.metricClientError({ ...sum, label: '4xx' });
    const serverErrors = httpApi.metricServerError({ ...sum, label: '5xx' });
    const latency = (statistic: string) =>
      httpApi.metricLatency({ statistic, period: FIVE_MINUTES, label: `latency ${statistic}` });
    const readThrottles = table.metric('ReadThrottleEvents', { ...sum, label: 'read throttles' });
    const writeThrottles = table.metric('WriteThrottleEvents', {
      ...sum,
      label: 'write throttles',
    });
    const depth = (queue: IQueue, label: string) =>
      queue.metricApproximateNumberOfMessagesVisible({
        statistic: 'Maximum',
        period: FIVE_MINUTES,
        label,
      });

    if (props.dashboard) {
      const graph = (title: string, left: IMetric[]) =>
        new GraphWidget({ title, left, width: 8, height: 6 });
      const perFunction = (make: (fn: StackFunction, name: string) => IMetric) =>
        functions.map((watched) => make(watched.function, watched.name));
      this.dashboard = new Dashboard(this, 'Dashboard', {
        dashboardName: `stack-${props.stageName}`,
        defaultInterval: Duration.hours(3),
        widgets: [
          [
            graph('API requests', [requests, clientErrors, serverErrors]),
            graph('API latency (ms)', [latency('p50'), latency('p99')]),
            graph('Table throttles', [readThrottles, writeThrottles]),
          ],
          [
            graph(
              'Lambda errors',
              perFunction((fn, name) => fn.function.metricErrors({ ...sum, label: name })),
            ),
            graph(
              'Lambda throttles',
              perFunction((fn, name) => fn.function.metricThrottles({ ...sum, label: name })),
            ),
            graph(
              'Lambda duration p99 (ms)',
              perFunction((fn, name) =>
                fn.function.metricDuration({ statistic: 'p99', period: FIVE_MINUTES, label: name }),
              ),
            ),
          ],
          [
            graph(
              'Dead-letter queue depth',
              queues.map(([name, queue]) => depth(queue, name)),
            ),
            graph('Table-to-bus pipe', [
              new Metric({
                namespace: 'AWS/EventBridge/Pipes',
                metricName: 'ExecutionFailed',
                dimensionsMap: { PipeName: props.pipe.ref },
                ...sum,
                label: 'failed executions',
              }),
            ]),
          ],
        ],
      });
    }

    const alarms: Alarm[] = [];
    if (props.alarms) {
      const action = new SnsAction(props.alarmTopic);
      const alarm = (
        id: string,
        metric: IMetric,
        options: { threshold: number; periods?: number; description: string },
      ) => {
        const created = new Alarm(this, id, {
          alarmName: `stack-${props.stageName}-${id}`,
          alarmDescription: options.description,
          metric,
          threshold: options.threshold,
          comparisonOperator: ComparisonOperator.GREATER_THAN_OR_EQUAL_TO_THRESHOLD,
          evaluationPeriods: options.periods ?? 1,
          datapointsToAlarm: options.periods ?? 1,
          treatMissingData: TreatMissingData.NOT_BREACHING,
        });
        created.addAlarmAction(action);
        created.addOkAction(action);
        alarms.push(created);
      };

      alarm('api-5xx', serverErrors, {
        threshold: 1,
        description:
          'The API answered 5xx: the router or authorizer failed, timed out or was throttled.',
      });
      alarm('api-latency-p99', latency('p99'), {
        threshold: API_P99_LATENCY_MS,
        periods: 3,
        description: `API p99 latency at or above ${API_P99_LATENCY_MS} ms for 15 minutes.`,
      });
      for (const watched of functions) {
        const { name, function: fn } = watched;
        alarm(`${name}-errors`, fn.function.metricErrors(sum), {
          threshold: watched.errorThreshold ?? 1,
          periods: watched.errorPeriods ?? 1,
          description: watched.errorDescription ?? `The ${name} Lambda failed.`,
        });
        if (watched.throttleAlarm === false) continue;
        alarm(`${name}-throttles`, fn.function.metricThrottles(sum), {
          threshold: 1,
          description: `The ${name} Lambda was throttled: account concurrency is exhausted.`,
        });
      }
      for (const [name, queue] of queues) {
        alarm(`${name}-depth`, depth(queue, name), {
          threshold: 1,
          description: `The ${name} holds messages that failed for good; inspect and redrive them.`,
        });
      }
      alarm('table-read-throttles', readThrottles, {
        threshold: 1,
        description: 'The table throttled reads.',
      });
      alarm('table-write-throttles', writeThrottles, {
        threshold: 1,
        description: 'The table throttled writes.',
      });
    }
    this.alarms = alarms;
  }
}
