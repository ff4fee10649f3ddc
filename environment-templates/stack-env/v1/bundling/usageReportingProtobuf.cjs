// Stands in, in Lambda bundles, for @apollo/usage-reporting-protobuf (about 200 KB): the
// gateway builds a `Trace.QueryPlanNode.FetchNode` for every subgraph fetch, but reads it only
// when usage reporting captures traces, which the router disables. Constructing any message
// class here gives a plain object of its fields; calling anything (`Trace.encode`,
// `Trace.decode`) throws, naming what was left out. See infrastructure/lambdaBundleOptions.ts.
'use strict';

function messageClass(path) {
  const fail = () => {
    throw new Error(
      `${path} of @apollo/usage-reporting-protobuf is not in this Lambda bundle (usage reporting is off); ` +
        'remove the package from lambdaBundleOptions.ts if a code path needs it',
    );
  };
  // A `function` target, not the arrow: only a constructor target reaches the construct trap.
  return new Proxy(function message() {}, {
    apply: fail,
    construct: (_target, [fields]) => ({ ...fields }),
    get: (_target, key) =>
      typeof key === 'symbol' || key === 'then' || key === '__esModule'
        ? undefined
        : messageClass(`${path}.${String(key)}`),
  });
}

module.exports = { Trace: messageClass('Trace'), google: messageClass('google') };
