import { describe, expect, it } from '@jest/globals';
import { parseBenchArguments } from '../src/cli/parseBenchArguments.js';

describe('parseBenchArguments', () => {
  it('runs every suite by default and the chosen ones, in suite order, with --only', () => {
    expect(parseBenchArguments([]).suites).toEqual([
      'federation',
      'coldstart',
      'tablecalls',
      'startup',
    ]);
    expect(parseBenchArguments(['--only', 'coldstart,federation']).suites).toEqual([
      'federation',
      'coldstart',
    ]);
    expect(parseBenchArguments(['--only=startup', '--dry-run'])).toEqual({
      suites: ['startup'],
      dryRun: true,
      help: false,
    });
  });

  it('names the known suites when given an unknown one', () => {
    expect(() => parseBenchArguments(['--only', 'federation,coldstarts'])).toThrow(
      '--only: unknown suite "coldstarts"; the suites are federation, coldstart, tablecalls, startup',
    );
  });
});
