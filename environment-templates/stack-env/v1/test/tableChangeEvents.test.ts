import { describe, expect, it } from '@jest/globals';
import { App, Stack } from 'aws-cdk-lib';
import { Template } from 'aws-cdk-lib/assertions';
import { EventBus, Rule } from 'aws-cdk-lib/aws-events';
import { TABLE_CHANGE_EVENT, tableChangePattern } from '../infrastructure/index.js';

describe('tableChangePattern', () => {
  it('matches one entity of one service on the changes asked for', () => {
    // Act
    const pattern = tableChangePattern({
      service: 'reviews',
      entity: 'Review',
      changes: ['Created', 'Deleted'],
    });

    // Assess
    expect(pattern).toEqual({
      source: ['stack.table'],
      detailType: ['TableItemChanged'],
      detail: {
        eventName: ['INSERT', 'REMOVE'],
        dynamodb: { Keys: { pk: { S: [{ prefix: 'reviews#Review#' }] } } },
      },
    });
  });

  it('matches every entity and change of a service by default', () => {
    // Act
    const pattern = tableChangePattern({ service: 'users' });

    // Assess
    expect(pattern.detail).toEqual({
      eventName: ['INSERT', 'MODIFY', 'REMOVE'],
      dynamodb: { Keys: { pk: { S: [{ prefix: 'users#' }] } } },
    });
  });

  it('refuses names that would change the meaning of the prefix', () => {
    expect(() => tableChangePattern({ service: 'reviews#' })).toThrow(/"reviews#" is not/);
    expect(() => tableChangePattern({ service: 'users', changes: [] })).toThrow(/no change/);
  });

  it('renders into an EventBridge rule as the event contract says', () => {
    // Prepare
    const app = new App({ builtinCloudFormationValidation: false });
    const stack = new Stack(app, 'Rules', {
      env: { account: '111111111111', region: 'eu-west-1' },
    });
    const bus = new EventBus(stack, 'Bus');

    // Act
    new Rule(stack, 'ReviewCreated', {
      eventBus: bus,
      eventPattern: tableChangePattern({ service: 'reviews', changes: ['Created'] }),
    });

    // Assess
    Template.fromStack(stack).hasResourceProperties('AWS::Events::Rule', {
      EventPattern: {
        source: [TABLE_CHANGE_EVENT.source],
        'detail-type': [TABLE_CHANGE_EVENT.detailType],
        detail: {
          eventName: ['INSERT'],
          dynamodb: { Keys: { pk: { S: [{ prefix: 'reviews#' }] } } },
        },
      },
    });
  });
});
