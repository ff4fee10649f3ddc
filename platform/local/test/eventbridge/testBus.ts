// Shared setup for the LocalEventBridge tests: a started bus with quick retries and a real
// EventBridgeClient pointed at it.
import { EventBridgeClient } from '@aws-sdk/client-eventbridge';
import {
  LocalEventBridge,
  type LocalEventBridgeOptions,
} from '../../src/eventbridge/LocalEventBridge.js';
import type { LambdaInvoke } from '../../src/eventbridge/RuleTarget.js';

export const REGION = 'eu-west-1';
export const CREDENTIALS = { accessKeyId: 'local', secretAccessKey: 'local' };

/** A started bus, an SDK client for it, and one call to stop both. */
export interface TestBus {
  readonly bridge: LocalEventBridge;
  readonly client: EventBridgeClient;
  close(): Promise<void>;
}

/** Starts a bus on a free port with 2 quick retries unless told otherwise. */
export async function startTestBus(options: LocalEventBridgeOptions = {}): Promise<TestBus> {
  const bridge = new LocalEventBridge({
    region: REGION,
    retry: { maximumRetryAttempts: 2, baseDelayMs: 5, maxDelayMs: 20 },
    ...options,
  });
  const endpoint = await bridge.start({ port: 0 });
  const client = new EventBridgeClient({ endpoint, region: REGION, credentials: CREDENTIALS });
  return {
    bridge,
    client,
    close: async () => {
      client.destroy();
      await bridge.close();
    },
  };
}

/** A Lambda target that records what it receives. */
export function recordingLambda(): { invoke: LambdaInvoke; received: unknown[] } {
  const received: unknown[] = [];
  return {
    received,
    invoke: (payload) => {
      received.push(payload);
      return Promise.resolve();
    },
  };
}
