/** Name and major version of this template, as specs name it (`template: graphql-subgraph@1`). */
export const TEMPLATE_ID = 'graphql-subgraph@1';
