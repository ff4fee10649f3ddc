import { Supergraph } from '@apollo/federation-internals';
import { buildSchema, printSchema, type GraphQLSchema } from 'graphql';

/** The schema clients see (no join__/link directives) of a supergraph SDL; `origin` names it in errors. */
export function buildApiSchema(supergraphSdl: string, origin: string): GraphQLSchema {
  let apiSdl: string;
  try {
    apiSdl = printSchema(Supergraph.build(supergraphSdl).apiSchema().toGraphQLJSSchema());
  } catch (error) {
    const reason = error instanceof Error ? error.message : String(error);
    throw new Error(
      `${origin} is not a valid supergraph (${reason}); restore it from git or point --base at a file written by npx stack compose`,
      { cause: error },
    );
  }
  // Rebuilt from its printed SDL so the diff sees a plain graphql-js schema, free of federation internals.
  return buildSchema(apiSdl);
}
