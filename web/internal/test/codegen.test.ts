// src/gql/ is generated from the supergraph and the operations in src/; committing a stale copy
// would ship types and persisted-document hashes that the router does not know.
import { describe, expect, it, jest } from '@jest/globals';
import { NO_GQL_DRIFT, gqlDriftReport } from '@stack/web-ui/codegen';
import { codegen } from '../codegen.js';

jest.setTimeout(120_000);

describe('Codegen: src/gql', () => {
  it('matches what npm run codegen generates now, each document keyed by its sha256', async () => {
    expect(await gqlDriftReport(codegen)).toEqual(NO_GQL_DRIFT);
  });
});
