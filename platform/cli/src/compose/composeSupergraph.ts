import { composeServices } from '@apollo/composition';
import { GraphQLError, parse, Source, type DocumentNode } from 'graphql';
import { CompositionError, type CompositionProblem } from './CompositionError.js';
import { locateCompositionError } from './locateCompositionError.js';
import type { Subgraph } from './Subgraph.js';

/** A composition hint: composition succeeded, but something deserves a look. */
export interface CompositionHintSummary {
  code: string;
  message: string;
}

/** The composed supergraph and the hints composition produced on the way. */
export interface ComposedSupergraph {
  supergraphSdl: string;
  hints: CompositionHintSummary[];
}

/** Composes the subgraphs into a supergraph SDL; throws a CompositionError listing every problem. */
export function composeSupergraph(subgraphs: readonly Subgraph[]): ComposedSupergraph {
  const problems: CompositionProblem[] = [];
  const services: { name: string; typeDefs: DocumentNode; url: string }[] = [];
  for (const subgraph of subgraphs) {
    try {
      // Naming the Source after the file lets every error point at file:line:column.
      const typeDefs = parse(new Source(subgraph.sdl, subgraph.schemaPath));
      // The URL is a placeholder: the router picks each subgraph's data source from its config.
      services.push({ name: subgraph.name, typeDefs, url: subgraphUrl(subgraph.name) });
    } catch (error) {
      if (!(error instanceof GraphQLError)) throw error;
      problems.push({ ...locateCompositionError(error, subgraphs), code: 'GRAPHQL_PARSE_FAILED' });
    }
  }
  if (problems.length > 0) throw new CompositionError(problems);

  const result = composeServices(services);
  if (result.errors) {
    throw new CompositionError(
      result.errors.map((error) => locateCompositionError(error, subgraphs)),
    );
  }
  return {
    supergraphSdl: result.supergraphSdl,
    hints: result.hints.map((hint) => ({ code: hint.definition.code, message: hint.message })),
  };
}

function subgraphUrl(name: string): string {
  return `http://${name}.subgraphs.stack.internal/graphql`;
}
