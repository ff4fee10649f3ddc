/** Scalar field to end the chain with, by the type reached: User, connection, edge, review. */
const LEAVES = ['name', 'totalCount', 'cursor', 'rating'];
/** The fields leading from a User back to a User: me → reviews → edges → node → author → … */
const CYCLE = ['reviews', 'edges', 'node', 'author'];

/** Builds a valid query of exactly `depth` (≥ 2) levels: `{ me { reviews { edges { … } } } }`. */
export function deepQuery(depth: number): string {
  const path = ['me'];
  while (path.length < depth - 1) path.push(CYCLE[(path.length - 1) % CYCLE.length] ?? '');
  const leaf = LEAVES[(path.length - 1) % LEAVES.length] ?? '';
  return `{ ${path.map((field) => `${field} {`).join(' ')} ${leaf} ${'}'.repeat(path.length)} }`;
}
