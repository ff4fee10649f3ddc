// Stands in, in Lambda bundles, for node-fetch and make-fetch-happen: Node's own fetch API
// (undici) does what @apollo/gateway asks of them, and the two packages with their
// dependencies (iconv-lite's code-page tables, a disk cache, proxy agents) were about 1.3 MB
// of the router bundle. See infrastructure/lambdaBundleOptions.ts.
//
// Every member is read from globalThis only when used: the first read of globalThis.fetch
// loads undici (tens of milliseconds), and the router on Lambda never fetches (it invokes its
// subgraphs through the Lambda API), so that cost stays out of its cold start.
'use strict';

const fetch = (...args) => globalThis.fetch(...args);

module.exports = {
  // make-fetch-happen: `fetch.defaults(options)` returns a configured fetch; its options
  // (retries, socket pool, cache) have no counterpart here and are not needed by the router.
  defaults: () => fetch,
  // node-fetch: the default export and the classes.
  default: fetch,
  fetch,
  get Headers() {
    return globalThis.Headers;
  },
  get Request() {
    return globalThis.Request;
  },
  get Response() {
    return globalThis.Response;
  },
};
