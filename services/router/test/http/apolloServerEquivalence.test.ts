import { describe, expect, it } from '@jest/globals';
import { readFileSync } from 'node:fs';
import { answerCases, type RecordedAnswer } from '../support/answerCases.js';
import { caseKey, GRAPHQL_HTTP_CASES } from '../support/graphqlHttpCases.js';

// What the router answered while Apollo Server ran its pipeline (see graphqlHttpCases), with
// one deliberate change since: an operation that cannot be resolved (several operations and no
// operationName, an unknown operationName) and a subscription answer 400, not Apollo's 500.
const recorded = JSON.parse(
  readFileSync(new URL('../fixtures/apolloServerAnswers.json', import.meta.url), 'utf8'),
) as { answers: Record<string, RecordedAnswer> };

describe('Router: GraphQL over HTTP as Apollo Server answered it', () => {
  it('records an answer for every case', () => {
    expect(Object.keys(recorded.answers).sort()).toEqual(GRAPHQL_HTTP_CASES.map(caseKey).sort());
  });

  it('answers every case with the recorded status, headers and body', async () => {
    // Act
    const answers = await answerCases(GRAPHQL_HTTP_CASES);

    // Assess: one expectation per case, so a failure names the request that changed.
    for (const entry of GRAPHQL_HTTP_CASES) {
      const key = caseKey(entry);
      expect({ [key]: answers[key] }).toEqual({ [key]: recorded.answers[key] });
    }
  }, 120_000);
});
