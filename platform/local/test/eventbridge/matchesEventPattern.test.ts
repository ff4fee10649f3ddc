import { describe, expect, it } from '@jest/globals';
import type { EventPattern } from '../../src/eventbridge/EventPattern.js';
import { matchesEventPattern } from '../../src/eventbridge/matchesEventPattern.js';
import { parseEventPattern } from '../../src/eventbridge/parseEventPattern.js';

// The sample event of the EventBridge docs, with extra detail fields for the edge cases.
const event = {
  version: '0',
  id: 'ddddd4-aaaa-7777-4444-345dd43cc333',
  'detail-type': 'EC2 Instance State-change Notification',
  source: 'aws.ec2',
  account: '012345679012',
  time: '2017-10-02T16:24:49Z',
  region: 'us-east-1',
  resources: [
    'arn:aws:ec2:us-east-1:123456789012:instance/i-000000aaaaaa00000',
    'arn:aws:ec2:us-east-1:123456789012:volume/vol-1',
  ],
  detail: {
    'c-count': 5,
    'd-count': 3,
    'x-limit': 301.8,
    'source-ip': '10.0.0.33',
    'source-ipv6': '2001:db8::1',
    'instance-id': 'i-000000aaaaaa00000',
    state: 'running',
    tags: ['blue', 'prod'],
    scores: [1, 50],
    none: [],
    empty: '',
    nothing: null,
    flag: true,
    file: 'reports/Q3/summary.PNG',
    glob: 'a*b',
    $or: 'legacy',
    nested: { deep: { value: 'yes' } },
    employees: [
      { firstName: 'John', lastName: 'Doe' },
      { firstName: 'Anna', lastName: 'Smith' },
    ],
  },
};

type Case = [description: string, pattern: EventPattern, matches: boolean];

const detail = (fields: EventPattern): EventPattern => ({ detail: fields });

const cases: Record<string, Case[]> = {
  'exact values': [
    ['an exact string', { source: ['aws.ec2'] }, true],
    ['a different string', { source: ['aws.s3'] }, false],
    ['any value of a list (OR)', { source: ['aws.s3', 'aws.ec2'] }, true],
    ['a nested field', detail({ state: ['running'] }), true],
    ['a deeply nested field', detail({ nested: { deep: { value: ['yes'] } } }), true],
    [
      'a deeply nested field with another value',
      detail({ nested: { deep: { value: ['no'] } } }),
      false,
    ],
    ['a number', detail({ 'c-count': [5] }), true],
    ['a number written as a string', detail({ 'c-count': ['5'] }), false],
    ['a boolean', detail({ flag: [true] }), true],
    ['the other boolean', detail({ flag: [false] }), false],
    ['a boolean written as a string', detail({ flag: ['true'] }), false],
    ['null', detail({ nothing: [null] }), true],
    ['null against an empty string', detail({ empty: [null] }), false],
    ['an empty string', detail({ empty: [''] }), true],
    ['an empty string against null', detail({ nothing: [''] }), false],
    ['a field the event lacks', detail({ absent: ['x'] }), false],
    ['every field (AND) when all match', { source: ['aws.ec2'], region: ['us-east-1'] }, true],
    ['every field (AND) when one fails', { source: ['aws.ec2'], region: ['eu-west-1'] }, false],
    ['a nested pattern against a string field', { source: { name: ['aws.ec2'] } }, false],
  ],
  'arrays in the event': [
    [
      'any element of a string array',
      { resources: ['arn:aws:ec2:us-east-1:123456789012:volume/vol-1'] },
      true,
    ],
    ['an element of a detail array', detail({ tags: ['prod'] }), true],
    ['a value no element has', detail({ tags: ['dev'] }), false],
    ['a field of one object in an array', detail({ employees: { firstName: ['Anna'] } }), true],
    [
      'two fields of the same array element',
      detail({ employees: { firstName: ['Anna'], lastName: ['Smith'] } }),
      true,
    ],
    [
      'two fields from different array elements',
      detail({ employees: { firstName: ['Anna'], lastName: ['Doe'] } }),
      false,
    ],
  ],
  prefix: [
    ['a prefix', { time: [{ prefix: '2017-10-02' }] }, true],
    ['another prefix', { time: [{ prefix: '2018' }] }, false],
    ['a prefix against a number', detail({ 'c-count': [{ prefix: '5' }] }), false],
    ['a prefix ignoring case', { source: [{ prefix: { 'equals-ignore-case': 'AWS.E' } }] }, true],
    [
      'another prefix ignoring case',
      { source: [{ prefix: { 'equals-ignore-case': 'AWS.S' } }] },
      false,
    ],
    [
      'a prefix of one array element',
      { resources: [{ prefix: 'arn:aws:ec2:us-east-1:123456789012:volume/' }] },
      true,
    ],
  ],
  suffix: [
    ['a suffix', detail({ file: [{ suffix: '.PNG' }] }), true],
    ['a suffix in another case', detail({ file: [{ suffix: '.png' }] }), false],
    [
      'a suffix ignoring case',
      detail({ file: [{ suffix: { 'equals-ignore-case': '.png' } }] }),
      true,
    ],
    [
      'another suffix ignoring case',
      detail({ file: [{ suffix: { 'equals-ignore-case': '.jpg' } }] }),
      false,
    ],
  ],
  'anything-but': [
    [
      'a string the event does not hold',
      detail({ state: [{ 'anything-but': 'initializing' }] }),
      true,
    ],
    ['the string the event holds', detail({ state: [{ 'anything-but': 'running' }] }), false],
    ['a number the event does not hold', detail({ 'x-limit': [{ 'anything-but': 123 }] }), true],
    ['the number the event holds', detail({ 'x-limit': [{ 'anything-but': 301.8 }] }), false],
    [
      'a list of other strings',
      detail({ state: [{ 'anything-but': ['stopped', 'overloaded'] }] }),
      true,
    ],
    [
      'a list holding the string',
      detail({ state: [{ 'anything-but': ['stopped', 'running'] }] }),
      false,
    ],
    ['a list of other numbers', detail({ 'c-count': [{ 'anything-but': [1, 2, 3] }] }), true],
    ['a list holding the number', detail({ 'c-count': [{ 'anything-but': [5, 6] }] }), false],
    ['another prefix', detail({ state: [{ 'anything-but': { prefix: 'init' } }] }), true],
    ['the prefix the event has', detail({ state: [{ 'anything-but': { prefix: 'run' } }] }), false],
    ['another suffix', detail({ file: [{ 'anything-but': { suffix: '.jpg' } }] }), true],
    ['the suffix the event has', detail({ file: [{ 'anything-but': { suffix: '.PNG' } }] }), false],
    [
      'the value in another case',
      detail({ state: [{ 'anything-but': { 'equals-ignore-case': 'RUNNING' } }] }),
      false,
    ],
    [
      'other values in any case',
      detail({ state: [{ 'anything-but': { 'equals-ignore-case': ['STOPPED'] } }] }),
      true,
    ],
    [
      'a wildcard the value fits',
      detail({ file: [{ 'anything-but': { wildcard: '*/Q3/*' } }] }),
      false,
    ],
    [
      'a wildcard the value does not fit',
      detail({ file: [{ 'anything-but': { wildcard: '*/Q4/*' } }] }),
      true,
    ],
    ['a field the event lacks', detail({ absent: [{ 'anything-but': 'x' }] }), false],
    ['one element of an array', detail({ tags: [{ 'anything-but': 'blue' }] }), true],
    ['every element of an array', detail({ tags: [{ 'anything-but': ['blue', 'prod'] }] }), false],
  ],
  numeric: [
    ['a range holding the value', detail({ 'c-count': [{ numeric: ['>', 0, '<=', 5] }] }), true],
    ['a range below the value', detail({ 'c-count': [{ numeric: ['>', 5] }] }), false],
    ['an upper bound', detail({ 'd-count': [{ numeric: ['<', 10] }] }), true],
    ['equality in exponent notation', detail({ 'x-limit': [{ numeric: ['=', 3.018e2] }] }), true],
    ['a lower bound above the value', detail({ 'x-limit': [{ numeric: ['>=', 301.9] }] }), false],
    ['a range against a string', detail({ 'source-ip': [{ numeric: ['>', 0] }] }), false],
    ['a range one array element is in', detail({ scores: [{ numeric: ['>', 40] }] }), true],
    ['a range no array element is in', detail({ scores: [{ numeric: ['>', 60] }] }), false],
  ],
  exists: [
    ['exists true on a present field', detail({ 'c-count': [{ exists: true }] }), true],
    ['exists false on a present field', detail({ 'c-count': [{ exists: false }] }), false],
    ['exists false on an absent field', detail({ absent: [{ exists: false }] }), true],
    ['exists true on an absent field', detail({ absent: [{ exists: true }] }), false],
    ['exists false on an object (not a leaf)', detail({ nested: [{ exists: false }] }), true],
    ['exists true on an object (not a leaf)', detail({ nested: [{ exists: true }] }), false],
    ['exists true on null', detail({ nothing: [{ exists: true }] }), true],
    ['exists false on an empty array', detail({ none: [{ exists: false }] }), true],
    ['exists false under an absent parent', { missing: { child: [{ exists: false }] } }, true],
  ],
  'equals-ignore-case': [
    ['the value in another case', { source: [{ 'equals-ignore-case': 'AWS.EC2' }] }, true],
    ['a shorter value', { source: [{ 'equals-ignore-case': 'AWS.EC' }] }, false],
    ['a number', detail({ 'c-count': [{ 'equals-ignore-case': '5' }] }), false],
  ],
  wildcard: [
    ['a trailing star', { source: [{ wildcard: 'aws.*' }] }, true],
    ['a leading star', { source: [{ wildcard: '*.ec2' }] }, true],
    ['a star with a tail the value lacks', { source: [{ wildcard: 'aws.*.x' }] }, false],
    ['stars in the middle', detail({ file: [{ wildcard: 'reports/*/summary.*' }] }), true],
    ['stars with other text', detail({ file: [{ wildcard: 'reports/*/other*' }] }), false],
    ['an escaped star', detail({ glob: [{ wildcard: 'a\\*b' }] }), true],
    ['an escaped star with another tail', detail({ glob: [{ wildcard: 'a\\*c' }] }), false],
  ],
  cidr: [
    ['an IPv4 range holding the address', detail({ 'source-ip': [{ cidr: '10.0.0.0/24' }] }), true],
    ['another IPv4 range', detail({ 'source-ip': [{ cidr: '10.0.1.0/24' }] }), false],
    [
      'an IPv6 range holding the address',
      detail({ 'source-ipv6': [{ cidr: '2001:db8::/32' }] }),
      true,
    ],
  ],
  $or: [
    [
      'a source and either alternative',
      {
        source: ['aws.ec2'],
        $or: [detail({ state: ['stopped'] }), detail({ 'c-count': [5] })],
      },
      true,
    ],
    [
      'no alternative',
      { $or: [detail({ state: ['stopped'] }), detail({ 'c-count': [6] })] },
      false,
    ],
    ['"$or" holding values, as a plain field name', detail({ $or: ['legacy'] }), true],
    [
      'alternatives inside detail',
      detail({ $or: [{ state: ['x'] }, { 'instance-id': [{ prefix: 'i-' }] }] }),
      true,
    ],
  ],
};

describe('matchesEventPattern', () => {
  describe.each(Object.entries(cases))('%s', (_operator, table) => {
    it.each(table)('matching %s gives the expected answer', (_description, pattern, expected) => {
      // Prepare: the pattern passes the same validation PutRule applies.
      const parsed = parseEventPattern(JSON.stringify(pattern));

      // Act
      const matches = matchesEventPattern(parsed, event);

      // Assess
      expect(matches).toBe(expected);
    });
  });
});
