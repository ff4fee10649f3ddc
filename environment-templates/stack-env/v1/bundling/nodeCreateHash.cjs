// Stands in, in Lambda bundles, for @apollo/utils.createhash. The package picks Node's crypto
// through `module.require`, which a bundled module does not have, so in a bundle it fell back
// to sha.js: a pure-JavaScript hash (with object-inspect and get-intrinsic) that the gateway
// ran over the whole supergraph at every cold start. Lambda is always Node. See
// infrastructure/lambdaBundleOptions.ts.
'use strict';

const { createHash } = require('node:crypto');

module.exports = { createHash: (kind) => createHash(kind) };
