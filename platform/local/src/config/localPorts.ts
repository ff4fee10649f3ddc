/**
 * The fixed ports of the local cloud, one place for all of them. Each can be moved with an
 * environment variable `STACK_PORT_<NAME>` (e.g. `STACK_PORT_API=4100`); 0 picks any free port.
 */
export const LOCAL_PORTS = {
  /** The API edge (API Gateway stand-in) serving `/graphql`. */
  api: 4000,
  /** The dev token issuer standing in for Cognito (JWKS, discovery). */
  auth: 4001,
  /** DynamoDB Local. */
  dynamodb: 8000,
  /** The EventBridge emulator (PutEvents and the rule API, AWS JSON protocol). */
  eventbridge: 4010,
  /** fauxqs: SQS (the event workers' queues) and SNS. */
  sqs: 4566,
  /** aws-ses-v2-local: SES v2 SendEmail, and a web viewer of the mail sent. */
  mail: 8005,
  /** The public web app (static export of web/app, with its /config.json). */
  web: 3000,
  /** The internal (admin) web app (static export of web/internal). */
  internal: 3001,
} as const;

export type LocalPortName = keyof typeof LOCAL_PORTS;

/** The port to use for a local service, honouring `STACK_PORT_<NAME>`; throws on a bad value. */
export function resolvePort(name: LocalPortName, env: NodeJS.ProcessEnv): number {
  const variable = `STACK_PORT_${name.toUpperCase()}`;
  const raw = env[variable];
  if (raw === undefined || raw === '') return LOCAL_PORTS[name];
  const port = Number(raw);
  if (!Number.isInteger(port) || port < 0 || port > 65_535) {
    throw new Error(`${variable}=${raw} is not a port number (0-65535)`);
  }
  return port;
}
