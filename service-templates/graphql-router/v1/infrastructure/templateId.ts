/** Name and major version of this template, as specs name it (`template: graphql-router@1`). */
export const TEMPLATE_ID = 'graphql-router@1';
