/**
 * The bench's reference query: a page of products with their newest reviews and each review's
 * author, so one request touches all three subgraphs (products → reviews → users).
 */
export function listQuery(first: number): string {
  return `{ products(first: ${first}) { edges { node { title reviews(first: 5) { edges { node { rating author { name } } } } } } } }`;
}

/** The query the federation and start-up suites send. */
export const REFERENCE_QUERY = listQuery(20);
