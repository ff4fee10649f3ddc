// ARNs of the resources the local EventBridge names, in the formats of
// https://docs.aws.amazon.com/service-authorization/latest/reference/list_amazoneventbridge.html.

/** Where the emulated resources live. */
export interface AwsPlace {
  readonly region: string;
  readonly account: string;
}

/** The parts of an ARN: `arn:partition:service:region:account:resource`. */
export interface ParsedArn {
  readonly service: string;
  readonly region: string;
  readonly account: string;
  readonly resource: string;
}

/** The ARN of an event bus. */
export function eventBusArn(place: AwsPlace, name: string): string {
  return `arn:aws:events:${place.region}:${place.account}:event-bus/${name}`;
}

/** The ARN of a rule; rules on a custom bus carry the bus name in their ARN, default ones do not. */
export function ruleArn(place: AwsPlace, busName: string, ruleName: string): string {
  const resource = busName === 'default' ? ruleName : `${busName}/${ruleName}`;
  return `arn:aws:events:${place.region}:${place.account}:rule/${resource}`;
}

/** The ARN of a Lambda function. */
export function lambdaFunctionArn(place: AwsPlace, functionName: string): string {
  return `arn:aws:lambda:${place.region}:${place.account}:function:${functionName}`;
}

/** The ARN of the queue behind a queue URL (`http://host/<account>/<name>`). */
export function queueArnFromUrl(place: AwsPlace, queueUrl: string): string {
  const [account, name] = new URL(queueUrl).pathname.split('/').filter(Boolean).slice(-2);
  return `arn:aws:sqs:${place.region}:${account ?? place.account}:${name ?? queueUrl}`;
}

/** APIs take a bus by name or by ARN (`EventBusName`); this returns the name. */
export function busNameOf(nameOrArn: string): string {
  const marker = ':event-bus/';
  const at = nameOrArn.indexOf(marker);
  return nameOrArn.startsWith('arn:') && at >= 0 ? nameOrArn.slice(at + marker.length) : nameOrArn;
}

/** Splits an ARN, or answers undefined for text that is not one. */
export function parseArn(arn: string): ParsedArn | undefined {
  const [prefix, partition, service, region, account, ...resource] = arn.split(':');
  if (prefix !== 'arn' || !partition || !service || resource.length === 0) return undefined;
  return { service, region: region ?? '', account: account ?? '', resource: resource.join(':') };
}
