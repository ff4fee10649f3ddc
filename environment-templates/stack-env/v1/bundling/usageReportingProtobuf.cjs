// Stands in, in Lambda bundles, for @apollo/usage-reporting-protobuf (about 200 KB): the
// gateway builds a `Trace.QueryPlanNode.FetchNode` for every subgraph fetch, but reads it only
// when usage reporting captures traces, which the router disables. Constructing any message
// class here gives a plain object of its fields, repeated fields starting empty as in
// protobufjs; calling anything (`Trace.encode`, `Trace.decode`) throws, naming what was left
// out. See infrastructure/lambdaBundleOptions.ts.
'use strict';

// The repeated fields of each message: protobufjs constructors start them as fresh arrays, and
// the gateway pushes into them (`new SequenceNode()` then `traceNode.nodes.push(...)`). A test
// (test/bundlingStandIns.test.ts) checks this list against the real package.
const REPEATED_FIELDS = {
  'Trace.Error': ['location'],
  'Trace.HTTP.Values': ['value'],
  'Trace.Node': ['error', 'child'],
  'Trace.QueryPlanNode.SequenceNode': ['nodes'],
  'Trace.QueryPlanNode.ParallelNode': ['nodes'],
  'Trace.QueryPlanNode.FlattenNode': ['responsePath'],
  'Trace.QueryPlanNode.DeferNode': ['deferred'],
  'Trace.QueryPlanNode.DeferredNode': ['depends', 'path'],
};

function newMessage(path, fields) {
  const message = {};
  for (const name of REPEATED_FIELDS[path] ?? []) message[name] = [];
  return Object.assign(message, fields);
}

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
    construct: (_target, [fields]) => newMessage(path, fields),
    get: (_target, key) =>
      typeof key === 'symbol' || key === 'then' || key === '__esModule'
        ? undefined
        : messageClass(`${path}.${String(key)}`),
  });
}

module.exports = { Trace: messageClass('Trace'), google: messageClass('google') };
