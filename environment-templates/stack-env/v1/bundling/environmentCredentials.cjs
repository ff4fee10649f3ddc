// Stands in, in Lambda bundles, for @aws-sdk/credential-provider-node: the SDK's default chain
// (environment, SSO, ini files, web identity, container and instance metadata) and the nested
// STS/SSO clients it carries were about 90 KB of every bundle, parsed at each cold start. Lambda
// always hands a function its role's credentials in AWS_ACCESS_KEY_ID, AWS_SECRET_ACCESS_KEY and
// AWS_SESSION_TOKEN, so the environment is the only link of the chain that ever answers there.
// See infrastructure/lambdaBundleOptions.ts.
'use strict';

const { fromEnv } = require('@aws-sdk/credential-provider-env');

module.exports = {
  defaultProvider: (init = {}) => {
    const fromEnvironment = fromEnv(init);
    return async (options) => {
      try {
        return await fromEnvironment(options);
      } catch (error) {
        throw new Error(
          'This Lambda bundle reads AWS credentials only from AWS_ACCESS_KEY_ID and ' +
            'AWS_SECRET_ACCESS_KEY (as Lambda sets them); they are not set here. ' +
            `(${error instanceof Error ? error.message : String(error)})`,
          { cause: error },
        );
      }
    };
  },
};
