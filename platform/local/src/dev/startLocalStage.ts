import { DynamoDBClient } from '@aws-sdk/client-dynamodb';
import { rmSync, writeFileSync, mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { DevIssuer } from '@stack/dev-issuer';
import { startLocalApi, type LocalApi, type LocalTopology } from '../api/startLocalApi.js';
import { checkPortsFree } from '../config/checkPortsFree.js';
import { resolvePort } from '../config/localPorts.js';
import { ensureTable } from '@stack/kit';
import { startDynamoDbLocal, type DynamoDbLocal } from '../dynamodb/startDynamoDbLocal.js';
import { DEMO_USERS } from '../seed/demoData.js';
import { seedDemoData } from '../seed/seedDemoData.js';
import { LocalEventBridge } from '../eventbridge/index.js';
import { loadPublisher } from '../pipes/loadPublisher.js';
import { startEventWorkers } from '../workers/startEventWorkers.js';
import { SQSClient } from '@aws-sdk/client-sqs';
import { startFauxqs } from 'fauxqs';
import { startTableStreamPipe, type TableStreamPipe } from '../pipes/startTableStreamPipe.js';

/** The table of the local stage. */
export const LOCAL_TABLE_NAME = 'stack-local';
/** The event bus of the local stage (the cloud's is `stack-<stage>`). */
export const LOCAL_EVENT_BUS_NAME = 'stack-local';
/** The app client id the local web apps and demo tokens use. */
export const LOCAL_CLIENT_ID = 'local-web';
/** Demo tokens live long enough for a working day. */
const DEMO_TOKEN_SECONDS = 12 * 3600;

/** How to start the local stage. */
export interface LocalStageOptions {
  /** The project root; state lives in `<root>/.stack/`. */
  readonly root: string;
  readonly topology?: LocalTopology;
  /** Wipe `.stack/` first (data, tokens). */
  readonly reset?: boolean;
  readonly env?: NodeJS.ProcessEnv;
  /** Where the services are; default the repository's `services/` (tests use their own). */
  readonly servicesRoot?: string;
  /** Called with each start-up step, for the progress display. */
  readonly onStep?: (step: string) => void;
}

/** What `.stack/dev.json` holds: every URL of the running stage, and demo tokens. */
export interface DevManifest {
  readonly api: string;
  readonly auth: string;
  readonly dynamodb: string;
  readonly table: string;
  /** The EventBridge emulator's endpoint. */
  readonly eventbridge: string;
  /** The environment's event bus. */
  readonly eventBus: string;
  /** fauxqs's endpoint (SQS and SNS). */
  readonly sqs: string;
  /** Each event worker's queue and dead-letter queue. */
  readonly queues: Record<
    string,
    { readonly queueUrl: string; readonly deadLetterQueueUrl: string }
  >;
  readonly topology: LocalTopology;
  readonly tokens: Record<string, string>;
  readonly startedAt: string;
}

/** A running local stage. */
export interface LocalStage {
  readonly manifest: DevManifest;
  readonly api: LocalApi;
  /** The EventBridge emulator, for rules and the event log. */
  readonly eventBridge: LocalEventBridge;
  /** The table-stream Pipe feeding the bus. */
  readonly pipe: TableStreamPipe;
  stop(): Promise<void>;
}

/**
 * Starts the whole local stage: DynamoDB Local with data under `.stack/`, the table, demo data
 * on first start, the EventBridge emulator with the environment's bus, the table-stream Pipe
 * running the template's publisher, the dev token issuer, and the API (edge → authorizer →
 * router → subgraphs).
 * Services reach DynamoDB Local through AWS_ENDPOINT_URL_DYNAMODB only.
 */
export async function startLocalStage(options: LocalStageOptions): Promise<LocalStage> {
  const env = options.env ?? process.env;
  const step = options.onStep ?? (() => undefined);
  const stateDir = join(options.root, '.stack');
  const ports = {
    api: resolvePort('api', env),
    auth: resolvePort('auth', env),
    dynamodb: resolvePort('dynamodb', env),
    eventbridge: resolvePort('eventbridge', env),
    sqs: resolvePort('sqs', env),
  };
  await checkPortsFree(ports);
  if (options.reset) {
    step('wiping .stack/');
    rmSync(stateDir, { recursive: true, force: true });
  }
  mkdirSync(stateDir, { recursive: true });

  const stopping: (() => Promise<void>)[] = [];
  const stop = async () => {
    for (const close of stopping.reverse()) await close().catch(() => undefined);
  };
  try {
    step(`starting DynamoDB Local on port ${ports.dynamodb}`);
    const dynamodb: DynamoDbLocal = await startDynamoDbLocal({
      port: ports.dynamodb,
      dataDir: join(stateDir, 'dynamodb'),
    });
    stopping.push(() => dynamodb.stop());
    Object.assign(process.env, {
      AWS_ENDPOINT_URL_DYNAMODB: dynamodb.endpoint,
      AWS_REGION: env.AWS_REGION ?? 'eu-west-1',
      AWS_ACCESS_KEY_ID: env.AWS_ACCESS_KEY_ID ?? 'local',
      AWS_SECRET_ACCESS_KEY: env.AWS_SECRET_ACCESS_KEY ?? 'local',
    });

    step(`creating table ${LOCAL_TABLE_NAME}`);
    const client = new DynamoDBClient({});
    const table = await ensureTable(client, LOCAL_TABLE_NAME);
    client.destroy();
    step(table === 'created' ? 'loading demo data' : 'checking demo data');
    await seedDemoData(LOCAL_TABLE_NAME);

    step(`starting fauxqs (SQS, SNS) on port ${ports.sqs}`);
    const fauxqs = await startFauxqs({ port: ports.sqs, logger: false });
    stopping.push(() => fauxqs.stop());
    const region = process.env.AWS_REGION ?? 'eu-west-1';
    Object.assign(process.env, {
      AWS_ENDPOINT_URL_SQS: fauxqs.address,
      AWS_ENDPOINT_URL_SNS: fauxqs.address,
    });
    const sqs = new SQSClient({ endpoint: fauxqs.address, region });
    stopping.push(() => Promise.resolve(sqs.destroy()));

    step(`starting the EventBridge emulator on port ${ports.eventbridge}`);
    const eventBridge = new LocalEventBridge({ region, sqs: { endpoint: fauxqs.address, region } });
    const eventbridgeUrl = await eventBridge.start({ port: ports.eventbridge });
    stopping.push(() => eventBridge.close());
    eventBridge.createEventBus(LOCAL_EVENT_BUS_NAME);
    Object.assign(process.env, {
      AWS_ENDPOINT_URL_EVENTBRIDGE: eventbridgeUrl,
      EVENT_BUS_NAME: LOCAL_EVENT_BUS_NAME,
      // What the service templates give every function.
      TABLE_NAME: LOCAL_TABLE_NAME,
    });

    step('starting the table-stream pipe (table → publisher → bus)');
    const pipe = await startTableStreamPipe({
      tableName: LOCAL_TABLE_NAME,
      target: await loadPublisher(),
      onDeadLetter: (records, error) =>
        process.emitWarning(
          `table-stream pipe: gave up on ${records.length} record(s): ${(error as Error).message}`,
        ),
    });
    stopping.push(() => pipe.stop());

    step('starting the event workers (queue → worker)');
    const workers = await startEventWorkers({
      sqs,
      eventBridge,
      busName: LOCAL_EVENT_BUS_NAME,
      ...(options.servicesRoot && { servicesRoot: options.servicesRoot }),
      onWorker: (name) => step(`  worker ${name} on its queue`),
    });
    stopping.push(() => workers.stop());

    step(`starting the dev token issuer on port ${ports.auth}`);
    // The key is kept in .stack/ so tokens issued before a restart stay valid after it.
    const issuer = await DevIssuer.start({
      port: ports.auth,
      clientIds: [LOCAL_CLIENT_ID],
      users: DEMO_USERS,
      persistKeyTo: join(stateDir, 'dev-issuer-key.pem'),
    });
    stopping.push(() => issuer.close());

    const topology = options.topology ?? 'http';
    step(`starting the API on port ${ports.api} (${topology} topology)`);
    const api = await startLocalApi({
      tableName: LOCAL_TABLE_NAME,
      topology,
      port: ports.api,
      auth: { issuer: issuer.issuer, jwksUri: issuer.jwksUri, clientIds: [LOCAL_CLIENT_ID] },
    });
    stopping.push(() => api.close());

    const tokens = Object.fromEntries(
      DEMO_USERS.map((user) => [
        user.username,
        issuer.issueAccessToken({
          sub: user.id,
          username: user.username,
          groups: user.groups,
          clientId: LOCAL_CLIENT_ID,
          expiresInSeconds: DEMO_TOKEN_SECONDS,
        }),
      ]),
    );
    const manifest: DevManifest = {
      api: `http://localhost:${api.edge.port}/graphql`,
      auth: issuer.issuer,
      dynamodb: dynamodb.endpoint,
      table: LOCAL_TABLE_NAME,
      eventbridge: eventbridgeUrl,
      eventBus: LOCAL_EVENT_BUS_NAME,
      sqs: fauxqs.address,
      queues: Object.fromEntries(workers.queues),
      topology,
      tokens,
      startedAt: new Date().toISOString(),
    };
    writeFileSync(join(stateDir, 'dev.json'), `${JSON.stringify(manifest, null, 2)}\n`);
    return { manifest, api, eventBridge, pipe, stop };
  } catch (error) {
    await stop();
    throw error;
  }
}
