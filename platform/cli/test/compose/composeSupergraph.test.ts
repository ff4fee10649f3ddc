import { describe, expect, it } from '@jest/globals';
import { composeSupergraph } from '../../src/compose/composeSupergraph.js';
import { CompositionError } from '../../src/compose/CompositionError.js';
import type { Subgraph } from '../../src/compose/Subgraph.js';
import { FEDERATION_LINK } from './tempRepo.js';

function subgraph(name: string, sdl: string): Subgraph {
  return { name, schemaPath: `services/${name}/schema.graphql`, sdl: FEDERATION_LINK + sdl };
}

function compositionErrorOf(run: () => unknown): CompositionError {
  try {
    run();
  } catch (error) {
    if (error instanceof CompositionError) return error;
    throw error;
  }
  throw new Error('expected a CompositionError, but composition succeeded');
}

describe('Function: composeSupergraph', () => {
  it('composes two compatible subgraphs into one supergraph that joins both', () => {
    // Prepare
    const subgraphs = [
      subgraph(
        'users',
        'type User @key(fields: "id") { id: ID! name: String! } type Query { me: User }',
      ),
      subgraph(
        'reviews',
        'type User @key(fields: "id") { id: ID! reviewCount: Int! } type Query { top: [User!]! }',
      ),
    ];

    // Act
    const { supergraphSdl, hints } = composeSupergraph(subgraphs);

    // Assess
    expect(supergraphSdl).toContain(
      'USERS @join__graph(name: "users", url: "http://users.subgraphs.stack.internal/graphql")',
    );
    expect(supergraphSdl).toContain('reviewCount: Int! @join__field(graph: REVIEWS)');
    expect(hints).toEqual([]);
  });

  it('names both files with line and column, and the code, when a non-shareable field is defined twice', () => {
    // Prepare
    const subgraphs = [
      subgraph('a', 'type Query { x: String }'),
      subgraph('b', 'type Query { x: String }'),
    ];

    // Act
    const error = compositionErrorOf(() => composeSupergraph(subgraphs));

    // Assess
    expect(error.problems).toEqual([
      {
        locations: ['services/a/schema.graphql:2:14', 'services/b/schema.graphql:2:14'],
        code: 'INVALID_FIELD_SHARING',
        message: expect.stringContaining(
          'Non-shareable field "Query.x" is resolved from multiple subgraphs',
        ),
      },
    ]);
    expect(error.message).toMatch(/^supergraph composition failed with 1 error:/);
    expect(error.message).toContain(
      'services/a/schema.graphql:2:14, services/b/schema.graphql:2:14',
    );
    expect(error.message.split('\n').at(-1)).toBe(
      'Fix the schemas above and run npx stack compose again.',
    );
  });

  it('names the one file and drops the [name] prefix when a subgraph is invalid on its own', () => {
    // Prepare
    const subgraphs = [
      subgraph('a', 'type Query { a: String }'),
      subgraph('b', 'type Query { b: Thing } type Thing @key(fields: "missing") { id: ID! }'),
    ];

    // Act
    const error = compositionErrorOf(() => composeSupergraph(subgraphs));

    // Assess
    expect(error.problems[0]).toMatchObject({
      // The @key directive first, then the type it sits on.
      locations: ['services/b/schema.graphql:2:36', 'services/b/schema.graphql:2:25'],
      code: 'KEY_INVALID_FIELDS',
      message: expect.stringMatching(/^On type "Thing", for @key\(fields: "missing"\)/),
    });
  });

  it('names the files of the subgraphs a satisfiability error mentions only in prose', () => {
    // Prepare: T.y is only in a, and b cannot reach a because T has no @key.
    const subgraphs = [
      subgraph('a', 'type Query { a: T } type T @shareable { x: String y: Int }'),
      subgraph('b', 'type Query { b: T } type T @shareable { x: String }'),
    ];

    // Act
    const error = compositionErrorOf(() => composeSupergraph(subgraphs));

    // Assess
    expect(error.problems).toEqual([
      {
        locations: ['services/b/schema.graphql', 'services/a/schema.graphql'],
        code: 'SATISFIABILITY_ERROR',
        message: expect.stringContaining('cannot find field "T.y"'),
      },
    ]);
  });

  it('reports a syntax error with its file, line and column before composing anything', () => {
    // Prepare
    const subgraphs = [
      subgraph('a', 'type Query { a: String }'),
      subgraph('b', 'type Query { b }'),
    ];

    // Act
    const error = compositionErrorOf(() => composeSupergraph(subgraphs));

    // Assess
    expect(error.problems).toEqual([
      {
        locations: ['services/b/schema.graphql:2:16'],
        code: 'GRAPHQL_PARSE_FAILED',
        message: 'Syntax Error: Expected ":", found "}".',
      },
    ]);
  });

  it('returns composition hints without failing', () => {
    // Prepare: a shareable field that is nullable in one subgraph and non-null in the other.
    const subgraphs = [
      subgraph('a', 'type Query { a: T } type T @shareable { x: String }'),
      subgraph('b', 'type Query { b: T } type T @shareable { x: String! }'),
    ];

    // Act
    const { supergraphSdl, hints } = composeSupergraph(subgraphs);

    // Assess
    expect(supergraphSdl).toContain('type T');
    expect(hints).toEqual([
      { code: 'INCONSISTENT_BUT_COMPATIBLE_FIELD_TYPE', message: expect.stringContaining('"T.x"') },
    ]);
  });
});
