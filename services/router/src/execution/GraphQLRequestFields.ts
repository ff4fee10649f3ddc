/** A GraphQL request as its transport carried it (GraphQL over HTTP: JSON body or query string). */
export interface GraphQLRequestFields {
  readonly query?: string;
  readonly operationName?: string;
  readonly variables?: Record<string, unknown>;
  readonly extensions?: Record<string, unknown>;
}
