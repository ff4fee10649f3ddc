import type { GraphQLDataSource } from '@apollo/gateway';
import { routerSecret as secretFromEnvironment, type RouterSecret } from '@stack/kit';
import { trustedDocuments } from './__generated__/trustedDocuments.js';
import { createRouter, type Router } from './createRouter.js';
import { HttpDataSource } from './dataSources/HttpDataSource.js';
import { LambdaDataSource } from './dataSources/LambdaDataSource.js';
import type { RouterEnvironment } from './environment.js';
import type { RouterContext } from './RouterContext.js';

/**
 * Builds the router a deployed stage describes: data sources chosen by SUBGRAPH_TOPOLOGY,
 * signing with the secret `secret` resolves (by default the one the environment names; pass the
 * same resolver the handler awaits so both share one read). Each data source awaits the secret
 * at its first call, so building the router never waits for SSM.
 */
export function createRouterFromEnvironment(
  environment: RouterEnvironment,
  supergraphSdl: string,
  secret: RouterSecret = secretFromEnvironment(environment),
): Router {
  const table =
    environment.SUBGRAPH_TOPOLOGY === 'http'
      ? environment.SUBGRAPH_URLS
      : environment.SUBGRAPH_FUNCTIONS;
  const dataSource = (name: string): GraphQLDataSource<RouterContext> => {
    const target = table[name];
    if (!target) {
      const variable =
        environment.SUBGRAPH_TOPOLOGY === 'http' ? 'SUBGRAPH_URLS' : 'SUBGRAPH_FUNCTIONS';
      throw new Error(
        `${variable} has no entry for subgraph "${name}" of the supergraph (has: ${Object.keys(table).join(', ') || 'none'})`,
      );
    }
    return signingWith(secret, (resolved) => {
      const common = { name, secret: resolved, timeoutMs: environment.SUBGRAPH_TIMEOUT_MS };
      return environment.SUBGRAPH_TOPOLOGY === 'http'
        ? new HttpDataSource({ ...common, url: target })
        : new LambdaDataSource({ ...common, functionName: target });
    });
  };
  return createRouter({
    supergraphSdl,
    dataSource,
    production: environment.PRODUCTION === 'true',
    maxBodyBytes: environment.MAX_BODY_BYTES,
    trustedDocuments: {
      documents: trustedDocuments,
      trustedOnly: environment.TRUSTED_DOCUMENTS_ONLY === 'true',
    },
  });
}

/**
 * A data source created at its first call, once the secret it signs with is known. The gateway
 * builds data sources when it loads the supergraph, before any request; the secret may only
 * arrive with the first one.
 */
function signingWith(
  secret: RouterSecret,
  create: (secret: string) => GraphQLDataSource<RouterContext>,
): GraphQLDataSource<RouterContext> {
  let created: GraphQLDataSource<RouterContext> | undefined;
  return {
    async process(options) {
      created ??= create(await secret());
      return created.process(options);
    },
  };
}
