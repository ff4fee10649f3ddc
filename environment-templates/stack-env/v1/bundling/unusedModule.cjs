// Stands in, in Lambda bundles, for a package the Stack's functions import but never call
// (infrastructure/lambdaBundleOptions.ts lists them and says why). Reading an export gives a
// function that throws when called or constructed, naming what was left out, so a code path
// that does need the package fails loudly instead of silently doing nothing.
'use strict';

function leftOut(name) {
  const fail = () => {
    throw new Error(
      `${name} is not in this Lambda bundle (lambdaBundleOptions.ts leaves it out as unused); ` +
        'remove it from that list if a code path needs it',
    );
  };
  // A `function` target: only a constructor target reaches the construct trap.
  return new Proxy(function leftOutExport() {}, {
    apply: fail,
    construct: fail,
    get: () => undefined,
  });
}

module.exports = new Proxy(
  {},
  {
    get(_target, key) {
      // Interop probes of bundlers and module loaders: answer "plain CommonJS, not a thenable".
      if (typeof key === 'symbol' || key === '__esModule' || key === 'then') return undefined;
      return leftOut(String(key));
    },
  },
);
