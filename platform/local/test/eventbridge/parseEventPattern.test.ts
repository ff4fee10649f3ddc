import { describe, expect, it } from '@jest/globals';
import {
  InvalidEventPatternError,
  parseEventPattern,
} from '../../src/eventbridge/parseEventPattern.js';

describe('parseEventPattern', () => {
  it('returns a valid pattern as parsed JSON', () => {
    // Prepare
    const json = JSON.stringify({
      source: ['shop.orders'],
      detail: { total: [{ numeric: ['>', 0, '<=', 5] }], $or: [{ a: [1] }, { b: [null] }] },
    });

    // Act
    const pattern = parseEventPattern(json);

    // Assess
    expect(pattern).toEqual(JSON.parse(json));
  });

  it.each([
    ['text that is not JSON', '{source:', '', /not valid JSON/],
    ['an array', '[]', '', /must be a JSON object/],
    ['an empty object', '{}', '', /at least one field/],
    ['a bare value', '{"source":"aws.ec2"}', 'source', /wrap a single value in brackets/],
    ['an empty value list', '{"source":[]}', 'source', /must not be empty/],
    ['a nested array', '{"detail":{"state":[["a"]]}}', 'detail.state[0]', /nested arrays/],
    ['a prefix that is a number', '{"source":[{"prefix":5}]}', 'source[0].prefix', /string/],
    [
      'two operators in one object',
      '{"source":[{"prefix":"a","suffix":"b"}]}',
      'source[0]',
      /exactly one operator/,
    ],
    [
      'an unknown operator',
      '{"source":[{"contains":"a"}]}',
      'source[0]',
      /unknown operator "contains"/,
    ],
    [
      'a numeric bound that is text',
      '{"n":[{"numeric":[">","x"]}]}',
      'n[0].numeric[1]',
      /JSON number/,
    ],
    [
      'an unknown comparison',
      '{"n":[{"numeric":["!=",1]}]}',
      'n[0].numeric[0]',
      /unknown comparison/,
    ],
    ['an empty range', '{"n":[{"numeric":[">",5,"<",1]}]}', 'n[0].numeric', /lower bound/],
    [
      'a range with two upper bounds',
      '{"n":[{"numeric":["<",1,"<",5]}]}',
      'n[0].numeric',
      /one of >, >=/,
    ],
    [
      'anything-but mixing types',
      '{"s":[{"anything-but":[1,"a"]}]}',
      's[0].anything-but',
      /only strings or only numbers/,
    ],
    [
      'anything-but nesting numeric',
      '{"s":[{"anything-but":{"numeric":[">",1]}}]}',
      's[0].anything-but',
      /cannot nest "numeric"/,
    ],
    ['exists with text', '{"s":[{"exists":"yes"}]}', 's[0].exists', /true or false/],
    ['consecutive wildcards', '{"s":[{"wildcard":"a**b"}]}', 's[0].wildcard', /consecutive/],
    [
      'a stray backslash in a wildcard',
      '{"s":[{"wildcard":"a\\\\b"}]}',
      's[0].wildcard',
      /backslash/,
    ],
    [
      'a CIDR with a bad length',
      '{"ip":[{"cidr":"10.0.0.0/33"}]}',
      'ip[0].cidr',
      /not an IP range/,
    ],
    ['$or with one alternative', '{"$or":[{"a":[1]}]}', '$or', /at least two patterns/],
    ['$or mixing a pattern and a value', '{"$or":[{"a":[1]},"b"]}', '$or', /at least two patterns/],
  ])('refuses %s, naming the path', (_description, json, path, reason) => {
    // Prepare
    let thrown: unknown;

    // Act
    try {
      parseEventPattern(json);
    } catch (error) {
      thrown = error;
    }

    // Assess
    expect(thrown).toBeInstanceOf(InvalidEventPatternError);
    const error = thrown as InvalidEventPatternError;
    expect(error.name).toBe('InvalidEventPatternException');
    expect(error.path).toBe(path);
    expect(error.message).toMatch(/^Event pattern is not valid\. Reason: /);
    expect(error.reason).toMatch(reason);
  });
});
