import { describe, expect, it } from '@jest/globals';
import { EnvironmentError, readEnvironment } from '../../src/config/readEnvironment.js';
import { exactlyOneOf } from '../../src/config/exactlyOneOf.js';
import { integer, oneOf, secret, url } from '../../src/config/parsers.js';

const spec = {
  PORT: { doc: 'the port', parse: integer({ min: 1, max: 65535 }), default: 8080 },
  MODE: { doc: 'the mode', parse: oneOf(['a', 'b'] as const) },
  ENDPOINT: { doc: 'where to call', parse: url() },
  KEY: { doc: 'the signing key', parse: secret({ minLength: 8 }) },
};

describe('Function: readEnvironment', () => {
  it('parses typed values and applies defaults', () => {
    const env = readEnvironment(spec, {
      MODE: 'b',
      ENDPOINT: 'http://127.0.0.1:1',
      KEY: '12345678',
    });
    expect(env).toEqual({ PORT: 8080, MODE: 'b', ENDPOINT: 'http://127.0.0.1:1', KEY: '12345678' });
  });

  it('lists every missing and invalid variable at once, with what it is for', () => {
    let error: unknown;
    try {
      readEnvironment(spec, { PORT: '99999', MODE: 'c', ENDPOINT: 'ftp://x' });
    } catch (caught) {
      error = caught;
    }
    expect(error).toBeInstanceOf(EnvironmentError);
    expect((error as EnvironmentError).problems).toEqual([
      'PORT="99999": must be between 1 and 65535 (the port)',
      'MODE="c": must be one of a, b (the mode)',
      'ENDPOINT="ftp://x": must be an http or https URL (where to call)',
      'KEY is required (the signing key)',
    ]);
  });

  it('lists the problems of rules across variables together with the others', () => {
    // Prepare
    const optional = { doc: 'a source', parse: url(), default: undefined };
    const rule = exactlyOneOf(['FROM_A', 'FROM_B'], 'where to read from');

    // Act
    let error: unknown;
    try {
      readEnvironment({ PORT: spec.PORT, FROM_A: optional, FROM_B: optional }, { PORT: 'x' }, [
        rule,
      ]);
    } catch (caught) {
      error = caught;
    }

    // Assess
    expect((error as EnvironmentError).problems).toEqual([
      'PORT="x": is not an integer (the port)',
      'set exactly one of FROM_A or FROM_B (where to read from); none is set',
    ]);
  });
});
