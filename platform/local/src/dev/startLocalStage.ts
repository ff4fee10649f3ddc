import { DynamoDBClient } from '@aws-sdk/client-dynamodb';
import { SNSClient } from '@aws-sdk/client-sns';
import { rmSync, writeFileSync, mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { DevIssuer } from '@stack/dev-issuer';
import { startLocalApi, type LocalApi, type LocalTopology } from '../api/startLocalApi.js';
import { startBundledApi, type BundledApi } from '../api/startBundledApi.js';
import { startLambdaApi } from '../lambda/startLambdaApi.js';
import { startParameterStore } from '../ssm/startParameterStore.js';
import { stageParameters } from '../ssm/stageParameters.js';
import { recordAuthStandIn } from '../cloudformation/recordAuthStandIn.js';
import { recordPublishedUrls } from '../cloudformation/recordPublishedUrls.js';
import { checkPortsFree } from '../config/checkPortsFree.js';
import { resolvePort } from '../config/localPorts.js';
import {
  freePort,
  startDynamoDbLocal,
  type DynamoDbLocal,
} from '../dynamodb/startDynamoDbLocal.js';
import { DEMO_USERS } from '../seed/demoData.js';
import { seedDemoData } from '../seed/seedDemoData.js';
import { LocalEventBridge } from '../eventbridge/index.js';
import { requireJava } from '../config/requireJava.js';
import { LOCAL_ENVIRONMENT, synthLocalStage } from '../cloudformation/synthLocalStage.js';
import { readCloudAssembly } from '../cloudformation/readCloudAssembly.js';
import { LocalStageModel } from '../cloudformation/LocalStageModel.js';
import { provisionTables } from '../cloudformation/provisionTables.js';
import { provisionQueues, provisionTopics } from '../cloudformation/provisionQueues.js';
import { provisionEventBuses, provisionEventRules } from '../cloudformation/provisionEventRules.js';
import { entryOf, localFunctions, type LocalFunction } from '../cloudformation/localFunctions.js';
import { loadHandler, type LambdaHandler } from '../cloudformation/loadHandler.js';
import { startEventSourceMappings } from '../cloudformation/startEventSourceMappings.js';
import { sharedFunctionEnvironment } from '../cloudformation/sharedFunctionEnvironment.js';
import { pipeOf } from '../cloudformation/pipeOf.js';
import { invocationContext, type FunctionInvocation } from '../cloudformation/invocationContext.js';
import { defaultServicesRoot } from '@stack/pipelines';
import { SQSClient } from '@aws-sdk/client-sqs';
import { interceptLocalhostDns, startFauxqs } from 'fauxqs';
import { startLocalMail } from '../ses/startLocalMail.js';
import { startTableStreamPipe, type TableStreamPipe } from '../pipes/startTableStreamPipe.js';
import { startWebApps } from '../web/startWebApps.js';
import { watchForReload } from '../reload/watchForReload.js';
import type { ModuleImporter } from '../api/loadSubgraphs.js';

/**
 * The table of the local stage: the environment template's table, named as the local cloud
 * names resources without an explicit name (`<stack name>-<logical id>`).
 */
export const LOCAL_TABLE_NAME = 'local-Environment-Table';
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
  /**
   * Run every function (authorizer, router, subgraphs, workers, the Pipe's publisher) from its
   * esbuild bundle in the synthesized stage instead of the sources (`--bundled`); no reload.
   */
  readonly bundled?: boolean;
  /** Reload a service's handlers when its sources (or the kit's) change; source mode only. */
  readonly watch?: boolean;
  /** Told `reloaded <service>` (or why a reload failed) after each reload. */
  readonly onReload?: (message: string) => void;
  /** Told about each finished invocation of a function (Pipe, queue, rule), with its request id. */
  readonly onInvocation?: (invocation: FunctionInvocation) => void;
  /** Where web/app/out and web/internal/out are; default this repository. */
  readonly webRoot?: string;
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
  /** The web viewer of the mail the stage sent (aws-ses-v2-local; JSON at `<mail>store`). */
  readonly mail: string;
  /** The public web app and the internal (admin) app. */
  readonly web: string;
  readonly internal: string;
  /** Each event worker's queue and dead-letter queue. */
  readonly queues: Record<
    string,
    { readonly queueUrl: string; readonly deadLetterQueueUrl: string }
  >;
  /** How the router reaches subgraphs; `distributed` (Lambda Invoke) when run from bundles. */
  readonly topology: LocalTopology | 'distributed';
  /** What the stage provisioned from its synthesized templates (for the resource table). */
  readonly resources: LocalResources;
  readonly tokens: Record<string, string>;
  readonly startedAt: string;
}

/** The resources provisioned from the synthesized `local` stage, by local name. */
export interface LocalResources {
  /** The cloud assembly they came from, and whether it was reused. */
  readonly assembly: { readonly directory: string; readonly cached: boolean };
  readonly tables: readonly string[];
  readonly queues: readonly string[];
  readonly topics: readonly string[];
  readonly buses: readonly string[];
  /** `<bus>/<rule> → <target ARN>, …` */
  readonly rules: readonly string[];
  /** Whether functions run from their sources (reloaded on change) or their esbuild bundles. */
  readonly runsFrom: 'source' | 'bundles';
  /** Function name → what runs it locally (an entry file, or why it does not run). */
  readonly functions: Readonly<Record<string, string>>;
  /** Environment variables two functions set differently, not shared in the one process. */
  readonly conflictingVariables: readonly string[];
}

/** A running local stage. */
export interface LocalStage {
  readonly manifest: DevManifest;
  /** The API: built from the sources (`LocalApi`), or the edge over the bundled functions. */
  readonly api: LocalApi | BundledApi;
  /** Function name → the file its handler was imported from, for every handler loaded so far. */
  readonly loadedEntries: ReadonlyMap<string, string>;
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
  // DynamoDB Local is a Java program: without java nothing else is worth starting.
  requireJava(env);
  if (options.bundled && options.topology === 'colocated')
    throw new Error(
      "topology colocated cannot run from bundles: the local template's router is the distributed one (it invokes each subgraph function); drop --topology colocated, or --bundled",
    );
  const stateDir = join(options.root, '.stack');
  const ports = {
    api: resolvePort('api', env),
    auth: resolvePort('auth', env),
    dynamodb: resolvePort('dynamodb', env),
    eventbridge: resolvePort('eventbridge', env),
    sqs: resolvePort('sqs', env),
    mail: resolvePort('mail', env),
    web: resolvePort('web', env),
    internal: resolvePort('internal', env),
  };
  await checkPortsFree(ports);
  // The API's and the sites' URLs are fixed before any function starts: a service may carry
  // them in its variables (`${environment.publicSiteUrl}`), so "any free port" is chosen now.
  for (const name of ['api', 'web', 'internal'] as const)
    if (ports[name] === 0) ports[name] = await freePort();
  if (options.reset) {
    step('wiping .stack/');
    rmSync(stateDir, { recursive: true, force: true });
  }
  mkdirSync(stateDir, { recursive: true });
  const region = env.AWS_REGION ?? 'eu-west-1';
  const servicesRoot = options.servicesRoot ?? defaultServicesRoot;

  if (options.bundled)
    step(
      'bundled: every function runs from its esbuild bundle in .stack/cdk.out (no reload on change)',
    );
  step('synthesizing the local stage (CloudFormation, cached in .stack/cdk.out)');
  const synthesized = await synthLocalStage({
    stateDir,
    servicesRoot,
    ...(options.bundled && { bundled: true }),
  });
  step(
    `  ${synthesized.cached ? 'reused' : 'synthesized'} ${synthesized.directory} (${Math.round(synthesized.millis)} ms)`,
  );
  const model = new LocalStageModel(readCloudAssembly(synthesized.directory), {
    region,
    accountId: '000000000000',
  });
  const functions = localFunctions(model, servicesRoot);
  const handlers = new Map<LocalFunction, Promise<LambdaHandler>>();
  // After a reload, a function's handler is imported fresh through its service's importer.
  const importers = new Map<LocalFunction, ModuleImporter>();
  const loadedEntries = new Map<string, string>();
  const loadedHandlerOf = (fn: LocalFunction): Promise<LambdaHandler> => {
    let handler = handlers.get(fn);
    if (!handler) {
      const entry = entryOf(fn, options.bundled ? 'bundled' : 'source');
      loadedEntries.set(fn.name, entry);
      handler = loadHandler(entry, fn.name, importers.get(fn));
      handlers.set(fn, handler);
    }
    return handler;
  };
  // Every invocation gets a Lambda-shaped context (request id, deadline) and is reported.
  const handlerOf = async (fn: LocalFunction): Promise<LambdaHandler> => {
    const handler = await loadedHandlerOf(fn);
    return async (event) => {
      const context = invocationContext(fn);
      const started = performance.now();
      const report = (error?: Error) =>
        options.onInvocation?.({
          functionName: fn.name,
          requestId: context.awsRequestId,
          millis: performance.now() - started,
          ...(error && { error }),
        });
      try {
        const result = await handler(event, context);
        report();
        return result;
      } catch (error) {
        report(error as Error);
        throw error;
      }
    };
  };

  // From bundles, the API edge invokes the template's authorizer and router functions.
  const apiHandlers = async () => {
    const of = async (role: 'router' | 'authorizer') => {
      const fn = functions.find((each) => each.api === role);
      if (!fn)
        throw new Error(`the synthesized stage has no ${role} function (${synthesized.directory})`);
      return handlerOf(fn);
    };
    return { authorizer: await of('authorizer'), router: await of('router') };
  };

  const stopping: (() => Promise<void>)[] = [];
  const stop = async () => {
    for (const close of stopping.reverse()) await close().catch(() => undefined);
  };
  try {
    step(`starting DynamoDB Local on port ${ports.dynamodb}`);
    const dynamodb: DynamoDbLocal = await startDynamoDbLocal({
      port: ports.dynamodb,
      dataDir: join(stateDir, 'dynamodb'),
      // A JVM on a busy 2-core machine can take over 30 s to answer.
      timeoutMs: 90_000,
    });
    stopping.push(() => dynamodb.stop());
    Object.assign(process.env, {
      AWS_ENDPOINT_URL_DYNAMODB: dynamodb.endpoint,
      AWS_REGION: region,
      AWS_ACCESS_KEY_ID: env.AWS_ACCESS_KEY_ID ?? 'local',
      AWS_SECRET_ACCESS_KEY: env.AWS_SECRET_ACCESS_KEY ?? 'local',
    });

    step('creating the tables of the templates');
    const client = new DynamoDBClient({});
    const tables = await provisionTables(model, client).finally(() => client.destroy());
    // The environment's table is the one its Pipe reads; demo data goes there.
    const table = tables.find((each) => each.streamArn) ?? tables[0];
    if (!table)
      throw new Error(
        `the synthesized stage has no AWS::DynamoDB::Table (${synthesized.directory})`,
      );
    step(`${table.created ? 'loading' : 'checking'} demo data in ${table.name}`);
    await seedDemoData(table.name);

    step(`starting fauxqs (SQS, SNS) on port ${ports.sqs}`);
    const fauxqs = await startFauxqs({ port: ports.sqs, logger: false });
    stopping.push(() => fauxqs.stop());
    // fauxqs's queue URLs are `http://sqs.<region>.localhost:<port>/…`, and the SDK sends to a
    // QueueUrl's host: make `*.localhost` resolve to loopback (as RFC 6761 has it) in-process.
    const restoreDns = interceptLocalhostDns();
    stopping.push(() => Promise.resolve(restoreDns()));
    Object.assign(process.env, {
      AWS_ENDPOINT_URL_SQS: fauxqs.address,
      AWS_ENDPOINT_URL_SNS: fauxqs.address,
    });
    const sqs = new SQSClient({ endpoint: fauxqs.address, region });
    stopping.push(() => Promise.resolve(sqs.destroy()));
    step('creating the queues and topics of the templates');
    const queues = await provisionQueues(model, sqs);
    const sns = new SNSClient({ endpoint: fauxqs.address, region });
    const topics = await provisionTopics(model, sns).finally(() => sns.destroy());

    step(`starting the SES emulator (mail viewer) on port ${ports.mail}`);
    // Before any handler loads: SDK clients read AWS_ENDPOINT_URL_SESV2 when they are created.
    const mail = await startLocalMail({ port: ports.mail });
    stopping.push(() => mail.stop());
    Object.assign(process.env, { AWS_ENDPOINT_URL_SESV2: mail.endpoint });

    step(`starting the EventBridge emulator on port ${ports.eventbridge}`);
    const eventBridge = new LocalEventBridge({
      region,
      sqs: { endpoint: fauxqs.address, region },
      // Rules' Lambda targets (subgraph subscriptions) run the function's handler in-process.
      resolveLambda: (arn) => {
        const fn = functions.find((each) => each.arn === arn);
        return fn && (async (event) => (await handlerOf(fn))(event));
      },
    });
    const eventbridgeUrl = await eventBridge.start({ port: ports.eventbridge });
    stopping.push(() => eventBridge.close());
    const buses = provisionEventBuses(model, eventBridge);
    const rules = provisionEventRules(model, eventBridge);
    const busName = buses[0] ?? LOCAL_EVENT_BUS_NAME;
    Object.assign(process.env, { AWS_ENDPOINT_URL_EVENTBRIDGE: eventbridgeUrl });

    step(`starting the dev token issuer on port ${ports.auth}`);
    // The key is kept in .stack/ so tokens issued before a restart stay valid after it.
    const issuer = await DevIssuer.start({
      port: ports.auth,
      clientIds: [LOCAL_CLIENT_ID],
      users: DEMO_USERS,
      persistKeyTo: join(stateDir, 'dev-issuer-key.pem'),
    });
    stopping.push(() => issuer.close());
    // The dev issuer stands in for the user pool the authorizer's variables name.
    recordAuthStandIn(model, { issuer: issuer.issuer, clientId: LOCAL_CLIENT_ID });
    recordPublishedUrls(model, LOCAL_ENVIRONMENT, {
      apiUrl: `http://localhost:${ports.api}/graphql`,
      publicSiteUrl: `http://localhost:${ports.web}`,
      internalSiteUrl: `http://localhost:${ports.internal}`,
    });

    step("setting the functions' environment variables from the templates");
    // Handlers share this process: what every running function agrees on is set for all. From
    // sources the API is built in process, so only services' functions and the publisher run;
    // from bundles every function the stage maps runs, the router and authorizer included.
    const stagePipe = pipeOf(model, tables, functions);
    const running = functions.filter((fn) =>
      options.bundled
        ? 'file' in fn.source
        : ('file' in fn.source && fn.service !== undefined) || fn === stagePipe?.target,
    );
    const shared = sharedFunctionEnvironment(model, running);
    Object.assign(process.env, shared.variables);
    if (shared.conflicting.length > 0)
      step(`  not shared (functions differ): ${shared.conflicting.join(', ')}`);

    if (options.bundled) {
      // The bundles reach the router's secret through SSM and the subgraphs through Lambda
      // Invoke, as deployed; both endpoints answer from this stage (ephemeral ports).
      const store = await startParameterStore({
        lookup: stageParameters(model, shared.perFunction.values()),
        region,
        accountId: '000000000000',
      });
      stopping.push(() => store.close());
      const lambda = await startLambdaApi({
        resolve: (name) => {
          const fn = functions.find((each) => each.name === name || each.arn === name);
          return fn && handlerOf(fn);
        },
      });
      stopping.push(() => lambda.close());
      Object.assign(process.env, {
        AWS_ENDPOINT_URL_SSM: store.url,
        AWS_ENDPOINT_URL_LAMBDA: lambda.url,
      });
      step(
        `loading ${running.length} function bundles (SSM at ${store.url}, Lambda at ${lambda.url})`,
      );
      // All at once, so a bundle that fails its cold start fails the start, naming itself.
      await Promise.all(running.map((fn) => loadedHandlerOf(fn)));
    }

    step('starting the table-stream pipe (table → publisher → bus)');
    if (!stagePipe)
      throw new Error(`the synthesized stage has no table-stream Pipe (${synthesized.directory})`);
    await handlerOf(stagePipe.target); // fails the start, not the first batch, if it is broken
    const pipe = await startTableStreamPipe({
      tableName: stagePipe.table.name,
      // A Pipe hands its Lambda target the batch of records as a JSON array.
      target: async (records) => (await handlerOf(stagePipe.target))(records),
      ...(stagePipe.batchSize !== undefined && { batchSize: stagePipe.batchSize }),
      ...(stagePipe.batchingWindowMs !== undefined && {
        batchingWindowMs: stagePipe.batchingWindowMs,
      }),
      ...(stagePipe.maximumRetryAttempts !== undefined && {
        maximumRetryAttempts: stagePipe.maximumRetryAttempts,
      }),
      onDeadLetter: (records, error) =>
        process.emitWarning(
          `table-stream pipe: gave up on ${records.length} record(s): ${(error as Error).message}`,
        ),
    });
    stopping.push(() => pipe.stop());

    step('starting the event source mappings (queue → function)');
    const workers = await startEventSourceMappings({
      model,
      sqs,
      queues,
      functions,
      handlerOf,
    });
    stopping.push(() => workers.stop());
    for (const mapping of workers.mappings)
      step(`  ${mapping.function.name} on ${mapping.queue.name}`);

    const topology = options.bundled ? 'distributed' : (options.topology ?? 'http');
    step(`starting the API on port ${ports.api} (${topology} topology)`);
    const sourceApi = options.bundled
      ? undefined
      : await startLocalApi({
          tableName: table.name,
          topology: options.topology ?? 'http',
          port: ports.api,
          auth: { issuer: issuer.issuer, jwksUri: issuer.jwksUri, clientIds: [LOCAL_CLIENT_ID] },
          ...(options.servicesRoot && { servicesRoot: options.servicesRoot }),
        });
    const api = sourceApi ?? (await startBundledApi({ ...(await apiHandlers()), port: ports.api }));
    stopping.push(() => api.close());

    if (options.watch && sourceApi) {
      step('watching services/*/src and platform/kit/src (reload on change)');
      const watcher = watchForReload({
        servicesRoot,
        functions,
        api: sourceApi,
        forget: (fn, importer) => {
          handlers.delete(fn);
          importers.set(fn, importer);
        },
        onReload: options.onReload ?? (() => undefined),
      });
      stopping.push(() => Promise.resolve(watcher.close()));
    }

    step(`serving the web apps on ports ${ports.web} and ${ports.internal}`);
    const webApps = await startWebApps({
      ...(options.webRoot !== undefined && { repoRoot: options.webRoot }),
      ports,
      apiUrl: `http://localhost:${api.edge.port}/graphql`,
      authority: issuer.issuer,
      clientId: LOCAL_CLIENT_ID,
    });
    stopping.push(() => webApps.close());
    for (const name of webApps.missing)
      step(`  ${name} is not built: run npm run build (its URL shows how until then)`);

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
      table: table.name,
      eventbridge: eventbridgeUrl,
      eventBus: busName,
      sqs: fauxqs.address,
      mail: mail.viewerUrl,
      web: webApps.web.url,
      internal: webApps.internal.url,
      queues: Object.fromEntries(
        workers.mappings.map((mapping) => [
          mapping.name,
          { queueUrl: mapping.queue.url, deadLetterQueueUrl: mapping.deadLetterQueue?.url ?? '' },
        ]),
      ),
      topology,
      resources: {
        assembly: { directory: synthesized.directory, cached: synthesized.cached },
        tables: tables.map((each) => each.name),
        queues: queues.map((each) => each.name),
        topics: topics.map((each) => each.name),
        buses,
        rules: rules.map((rule) => `${rule.busName}/${rule.name} → ${rule.targets.join(', ')}`),
        runsFrom: options.bundled ? 'bundles' : 'source',
        functions: Object.fromEntries(
          functions.map((fn) => [
            fn.name,
            'file' in fn.source
              ? entryOf(fn, options.bundled ? 'bundled' : 'source')
              : `not run: ${fn.source.unmapped}`,
          ]),
        ),
        conflictingVariables: shared.conflicting,
      },
      tokens,
      startedAt: new Date().toISOString(),
    };
    writeFileSync(join(stateDir, 'dev.json'), `${JSON.stringify(manifest, null, 2)}\n`);
    return { manifest, api, loadedEntries, eventBridge, pipe, stop };
  } catch (error) {
    await stop();
    throw error;
  }
}
