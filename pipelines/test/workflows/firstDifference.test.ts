import { describe, expect, it } from '@jest/globals';
import { firstDifference } from '../../src/workflows/firstDifference.js';

const lines = (...values: string[]) => values.join('\n');

describe('Function: firstDifference', () => {
  it('is empty for equal texts', () => {
    expect(firstDifference(lines('a', 'b'), lines('a', 'b'))).toEqual([]);
  });

  it('shows the changed lines between their unchanged neighbours', () => {
    // Act
    const difference = firstDifference(
      lines('1', '2', '3', 'old', '5', '6', '7'),
      lines('1', '2', '3', 'new', 'added', '5', '6', '7'),
    );

    // Assess
    expect(difference).toEqual(['@@ line 4 @@', ' 2', ' 3', '-old', '+new', '+added', ' 5', ' 6']);
  });

  it('counts what it leaves out of a long change', () => {
    // Act
    const difference = firstDifference('', lines('a', 'b', 'c', 'd'), { maxLines: 2 });

    // Assess
    expect(difference).toEqual(['@@ line 1 @@', '-', '+a', '+b', '… 2 more added lines']);
  });
});
