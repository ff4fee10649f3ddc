// Stands in, in Lambda bundles, for node-fetch and make-fetch-happen: Node's own fetch API
// (undici) does what @apollo/gateway asks of them, and the two packages with their
// dependencies (iconv-lite's code-page tables, a disk cache, proxy agents) were about 1.3 MB
// of the router bundle. See infrastructure/lambdaBundleOptions.ts.
'use strict';

const { fetch, Headers, Request, Response } = globalThis;

module.exports = {
  // make-fetch-happen: `fetch.defaults(options)` returns a configured fetch; its options
  // (retries, socket pool, cache) have no counterpart here and are not needed by the router.
  defaults: () => fetch,
  // node-fetch: the default export and the classes.
  default: fetch,
  fetch,
  Headers,
  Request,
  Response,
};
