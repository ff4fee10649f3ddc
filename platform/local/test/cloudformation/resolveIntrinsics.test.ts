import { describe, expect, it } from '@jest/globals';
import {
  resolveIntrinsics,
  resolveString,
  UnresolvableIntrinsicError,
  type IntrinsicContext,
} from '../../src/cloudformation/resolveIntrinsics.js';

const context: IntrinsicContext = {
  ref: (id) => {
    if (id === 'Table') return 'local-Environment-Table';
    if (id === 'TableParam') return 'from-ssm';
    throw new UnresolvableIntrinsicError(id, `no resource ${id}`);
  },
  getAtt: (id, attribute) => `${id}.${attribute}`,
  importValue: (name) => `export:${name}`,
  ssmParameter: (name) => `ssm:${name}`,
  region: 'eu-west-1',
  accountId: '000000000000',
  stackName: 'local-Environment',
};

describe('resolveIntrinsics', () => {
  it('resolves Ref of resources, parameters and pseudo parameters', () => {
    expect(
      resolveIntrinsics(
        [
          { Ref: 'Table' },
          { Ref: 'TableParam' },
          { Ref: 'AWS::Region' },
          { Ref: 'AWS::AccountId' },
          { Ref: 'AWS::Partition' },
          { Ref: 'AWS::StackName' },
        ],
        context,
      ),
    ).toEqual([
      'local-Environment-Table',
      'from-ssm',
      'eu-west-1',
      '000000000000',
      'aws',
      'local-Environment',
    ]);
  });

  it('resolves Fn::GetAtt in list and dotted form', () => {
    expect(resolveIntrinsics({ 'Fn::GetAtt': ['Queue', 'Arn'] }, context)).toBe('Queue.Arn');
    expect(resolveIntrinsics({ 'Fn::GetAtt': 'Table.StreamArn' }, context)).toBe('Table.StreamArn');
  });

  it('resolves Fn::Join over nested intrinsics', () => {
    const value = {
      'Fn::Join': [
        '',
        [
          'arn:',
          { Ref: 'AWS::Partition' },
          ':dynamodb:',
          { Ref: 'AWS::Region' },
          ':table/',
          { Ref: 'Table' },
        ],
      ],
    };
    expect(resolveIntrinsics(value, context)).toBe(
      'arn:aws:dynamodb:eu-west-1:table/local-Environment-Table',
    );
  });

  it('resolves Fn::Sub with references, attributes, variables and escaped literals', () => {
    expect(
      resolveIntrinsics({ 'Fn::Sub': '${Table}@${AWS::Region}/${Queue.Arn} ${!Literal}' }, context),
    ).toBe('local-Environment-Table@eu-west-1/Queue.Arn ${Literal}');
    expect(
      resolveIntrinsics({ 'Fn::Sub': ['${Name}-x', { Name: { Ref: 'Table' } }] }, context),
    ).toBe('local-Environment-Table-x');
  });

  it('resolves Fn::Select, Fn::Split, Fn::ImportValue and Fn::Base64', () => {
    expect(resolveIntrinsics({ 'Fn::Select': [1, { 'Fn::Split': [',', 'a,b,c'] }] }, context)).toBe(
      'b',
    );
    expect(
      resolveIntrinsics({ 'Fn::ImportValue': { 'Fn::Sub': '${AWS::StackName}-Url' } }, context),
    ).toBe('export:local-Environment-Url');
    expect(resolveIntrinsics({ 'Fn::Base64': 'hi' }, context)).toBe('aGk=');
  });

  it('resolves {{resolve:ssm:…}} dynamic references inside strings', () => {
    expect(
      resolveIntrinsics('x-{{resolve:ssm:/stack/local/table/name}}-{{resolve:ssm:/a:2}}', context),
    ).toBe('x-ssm:/stack/local/table/name-ssm:/a');
  });

  it('drops AWS::NoValue keys and list items, and keeps plain values', () => {
    expect(
      resolveIntrinsics(
        { A: { Ref: 'AWS::NoValue' }, B: [1, { Ref: 'AWS::NoValue' }, true, null], C: 'c' },
        context,
      ),
    ).toEqual({ B: [1, true, null], C: 'c' });
  });

  it('refuses what it cannot resolve, naming the path', () => {
    expect(() =>
      resolveIntrinsics({ Vars: { X: { 'Fn::If': ['IsProd', 'a', 'b'] } } }, context),
    ).toThrow(/^\$\.Vars\.X\.Fn::If: Fn::If is not supported/);
    expect(() => resolveIntrinsics('{{resolve:secretsmanager:s}}', context)).toThrow(
      /only \{\{resolve:ssm/,
    );
    expect(() => resolveIntrinsics({ 'Fn::Select': [5, ['a']] }, context)).toThrow(
      UnresolvableIntrinsicError,
    );
    expect(() => resolveIntrinsics({ 'Fn::Join': ['', 'not a list'] }, context)).toThrow(
      /needs a list/,
    );
    expect(() => resolveString({ 'Fn::Split': [',', 'a,b'] }, context, '$.Env.X')).toThrow(
      /^\$\.Env\.X: expected a string/,
    );
  });
});
