// Child-process entry of the bounded-load scenario: serves the local API (colocated topology)
// over the table named in argv[2], so the load generator's memory and CPU stay out of the
// process whose RSS is measured. Reports its URL, then answers "memory" requests, over IPC.
import { startLocalApi } from '@stack/local';
import { ANONYMOUS_ONLY_AUTH } from '../../src/infra/anonymousAuth.js';

const tableName = process.argv[2];
if (!tableName || !process.send) {
  console.error('usage: node --import tsx serveLocalApi.ts <table> (forked with an IPC channel)');
  process.exit(2);
}
const api = await startLocalApi({
  tableName,
  topology: 'colocated',
  // Generous: on a shared CI machine a request may queue behind the other 19 for seconds, and
  // an error must mean the server failed, not that the machine was busy.
  subgraphTimeoutMs: 15_000,
  auth: { ...ANONYMOUS_ONLY_AUTH, clientIds: [...ANONYMOUS_ONLY_AUTH.clientIds] },
});
process.on('message', (message) => {
  if (message === 'memory') {
    // A full collection first (the parent starts this process with --expose-gc), so the figures
    // show what the server holds on to, not garbage. Plain `gc()` on purpose: on Node 20 (V8 11.3)
    // `gc({ type: 'major', ... })` frees no old-space garbage, which made every request's
    // garbage look retained (docs/reliability.md).
    (globalThis.gc as (() => void) | undefined)?.();
    const { rss, heapUsed } = process.memoryUsage();
    process.send?.({ rss, heapUsed });
  }
  if (message === 'stop') void api.close().then(() => process.exit(0));
});
process.send({ url: api.url });
