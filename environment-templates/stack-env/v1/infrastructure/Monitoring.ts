import { Duration } from 'aws-cdk-lib';
import type { HttpApi } from 'aws-cdk-lib/aws-apigatewayv2';
import {
  Alarm,
  ComparisonOperator,
  Dashboard,
  GraphWidget,
  type IMetric,
  MathExpression,
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

/** A function of the environment shown on the dashboard. */
export interface MonitoredFunction {
  /** Display name in widgets, e.g. `router`. */
  readonly name: string;
  /** The function. */
  readonly function: StackFunction;
  /**
   * Its errors are answers, not failures (the authorizer throws `Unauthorized` to make API
   * Gateway answer 401): left out of the Lambda errors alarm. Its real failures still raise the
   * API 5xx alarm, since API Gateway answers 500 when an authorizer fails.
   */
  readonly errorsAreAnswers?: boolean;
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
  /** The environment's functions, for the dashboard and the errors alarm's exclusions. */
  readonly functions: readonly MonitoredFunction[];
  /** The services' functions (service name → function name), for the dashboard. */
  readonly serviceFunctions: Readonly<Record<string, string>>;
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
 *
 * The alarms stay within the 10 alarm metrics CloudWatch gives an account for free, and still
 * cover every service: Lambda errors and throttles are watched account-wide (the metrics
 * without a FunctionName dimension), so a new service is covered the day it deploys at no
 * extra cost. A service that wants alarms of its own opts in with its `alarms` input.
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
      // The environment's own functions and the services' (by name: their stacks deploy later).
      const named = [
        ...functions.map((watched) => ({
          name: watched.name,
          functionName: watched.function.function.functionName,
        })),
        ...Object.entries(props.serviceFunctions).map(([name, functionName]) => ({
          name,
          functionName,
        })),
      ];
      const perFunction = (metricName: string, statistic = 'Sum') =>
        named.map(
          ({ name, functionName }) =>
            new Metric({
              namespace: 'AWS/Lambda',
              metricName,
              dimensionsMap: { FunctionName: functionName },
              statistic,
              period: FIVE_MINUTES,
              label: name,
            }),
        );
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
            graph('Lambda errors', perFunction('Errors')),
            graph('Lambda throttles', perFunction('Throttles')),
            graph('Lambda duration p99 (ms)', perFunction('Duration', 'p99')),
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
      const lambda = (metricName: string, label: string) =>
        new Metric({ namespace: 'AWS/Lambda', metricName, ...sum, label });
      const answering = functions.filter((watched) => watched.errorsAreAnswers);
      const failures =
        answering.length === 0
          ? lambda('Errors', 'errors of all functions')
          : new MathExpression({
              // Every function's errors minus those that are answers (FILL: no data is 0).
              expression: [
                'FILL(all, 0)',
                ...answering.map((_, index) => `FILL(a${index}, 0)`),
              ].join(' - '),
              usingMetrics: {
                all: lambda('Errors', 'errors of all functions'),
                ...Object.fromEntries(
                  answering.map((watched, index) => [
                    `a${index}`,
                    watched.function.function.metricErrors({ ...sum, label: watched.name }),
                  ]),
                ),
              },
              period: FIVE_MINUTES,
              label: 'Lambda failures',
            });
      alarm('lambda-errors', failures, {
        threshold: 1,
        description:
          'A Lambda function of this account failed (router, subgraph, worker, publisher): see the dashboard for which.',
      });
      alarm('lambda-throttles', lambda('Throttles', 'throttles of all functions'), {
        threshold: 1,
        description:
          'A Lambda function of this account was throttled: account concurrency is exhausted, or a reserved concurrency is too low.',
      });
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
