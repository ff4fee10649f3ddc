import { afterEach, describe, expect, it } from '@jest/globals';
import { discoverSubgraphs } from '../../src/compose/discoverSubgraphs.js';
import { FEDERATION_LINK, tempRepo, type TempRepo } from './tempRepo.js';

describe('Function: discoverSubgraphs', () => {
  let repo: TempRepo | undefined;
  afterEach(() => repo?.remove());

  it('finds every services/*/schema.graphql, sorted and named after its folder', () => {
    // Prepare
    repo = tempRepo({ zeta: 'type Query { z: Int }', alpha: 'type Query { a: Int }' });

    // Act
    const subgraphs = discoverSubgraphs(repo.root);

    // Assess: services/router has no schema.graphql and is not a subgraph.
    expect(subgraphs).toEqual([
      {
        name: 'alpha',
        schemaPath: 'services/alpha/schema.graphql',
        sdl: `${FEDERATION_LINK}type Query { a: Int }`,
      },
      {
        name: 'zeta',
        schemaPath: 'services/zeta/schema.graphql',
        sdl: `${FEDERATION_LINK}type Query { z: Int }`,
      },
    ]);
  });

  it('says where it looked and what to add when no service has a schema', () => {
    // Prepare
    repo = tempRepo({});

    // Act
    const discover = () => discoverSubgraphs(repo!.root);

    // Assess
    expect(discover).toThrow(
      /no subgraph schema in .*services: add services\/<name>\/schema\.graphql/,
    );
  });
});
