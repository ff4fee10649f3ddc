import { Metrics, MetricUnit } from '@aws-lambda-powertools/metrics';

const registry = new Map<string, Metrics>();

/** The Powertools metrics (CloudWatch EMF) of a service, namespace `TheStack`. */
export function serviceMetrics(serviceName: string): Metrics {
  let metrics = registry.get(serviceName);
  if (!metrics) {
    metrics = new Metrics({
      namespace: process.env.POWERTOOLS_METRICS_NAMESPACE ?? 'TheStack',
      serviceName,
    });
    registry.set(serviceName, metrics);
  }
  return metrics;
}

export { MetricUnit };
