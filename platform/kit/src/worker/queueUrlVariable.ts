/**
 * The environment variable holding the URL of a worker's queue in the functions that send to it
 * (`sendsTo` of graphql-subgraph@1): `QUEUE_URL_<WORKER>`, e.g. `QUEUE_URL_NOTIFICATIONS`. The
 * template sets it in the cloud and the local cloud sets the same name, so the sender's code is
 * the same in both.
 */
export function queueUrlVariable(workerName: string): string {
  return `QUEUE_URL_${workerName.toUpperCase().replace(/-/g, '_')}`;
}
