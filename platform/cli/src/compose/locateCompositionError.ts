import { getLocation, type GraphQLError } from 'graphql';
import type { CompositionProblem } from './CompositionError.js';
import type { Subgraph } from './Subgraph.js';

const SUBGRAPH_PREFIX = /^\[([^\]]+)\] /;
const QUOTED = /"([^"]+)"/g;

/** Maps a composition error to the schema files (and lines) it points at, plus its code. */
export function locateCompositionError(
  error: GraphQLError,
  subgraphs: readonly Subgraph[],
): CompositionProblem {
  const byName = new Map(subgraphs.map((subgraph) => [subgraph.name, subgraph]));
  const byPath = new Set(subgraphs.map((subgraph) => subgraph.schemaPath));
  const locations: string[] = [];
  const add = (location: string) => {
    if (!locations.includes(location)) locations.push(location);
  };

  // Best: the AST nodes keep the Source each schema was parsed from, named after its file.
  for (const node of error.nodes ?? []) {
    const source = node.loc?.source;
    if (node.loc && source && byPath.has(source.name)) {
      const { line, column } = getLocation(source, node.loc.start);
      add(`${source.name}:${line}:${column}`);
      continue;
    }
    const subgraph = 'subgraph' in node && typeof node.subgraph === 'string' ? node.subgraph : '';
    const known = byName.get(subgraph);
    if (known) add(known.schemaPath);
  }

  // Syntax errors have no AST nodes, only the Source and positions in it.
  if (!error.nodes && error.source && byPath.has(error.source.name)) {
    for (const { line, column } of error.locations ?? [])
      add(`${error.source.name}:${line}:${column}`);
  }

  // Errors found while validating one subgraph carry its name as a `[name] ` prefix.
  const prefix = SUBGRAPH_PREFIX.exec(error.message);
  const prefixed = prefix?.[1] ? byName.get(prefix[1]) : undefined;
  if (prefixed && locations.length === 0) add(prefixed.schemaPath);

  // Merge and satisfiability errors only name subgraphs in prose: `subgraph "reviews"`.
  if (locations.length === 0 && /subgraph/.test(error.message)) {
    for (const match of error.message.matchAll(QUOTED)) {
      const named = match[1] ? byName.get(match[1]) : undefined;
      if (named) add(named.schemaPath);
    }
  }

  const code = error.extensions['code'];
  return {
    locations,
    code: typeof code === 'string' ? code : 'COMPOSITION_ERROR',
    message: prefixed ? error.message.replace(SUBGRAPH_PREFIX, '') : error.message,
  };
}
