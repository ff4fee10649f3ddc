import { describe, expect, it } from '@jest/globals';
import { App, Stack } from 'aws-cdk-lib';
import { Template } from 'aws-cdk-lib/assertions';
import { EventBus, Rule } from 'aws-cdk-lib/aws-events';
import { tableChangePattern } from '../infrastructure/index.js';

describe('tableChangePattern', () => {
  it('matches the detail types of one entity for the changes asked for', () => {
    // Act
    const pattern = tableChangePattern({
      service: 'reviews',
      entity: 'Review',
      changes: ['Created', 'Deleted'],
    });

    // Assess
    expect(pattern).toEqual({
      source: ['stack.reviews'],
      detailType: ['ReviewCreated', 'ReviewDeleted'],
    });
  });

  it('matches every event of a service by default, and narrows by detail.change', () => {
    expect(tableChangePattern({ service: 'users' })).toEqual({ source: ['stack.users'] });
    expect(tableChangePattern({ service: 'users', changes: ['Updated'] })).toEqual({
      source: ['stack.users'],
      detail: { change: ['Updated'] },
    });
  });

  it('refuses names that are not service or entity names', () => {
    expect(() => tableChangePattern({ service: 'reviews#' })).toThrow(
      /"reviews#" is not a service/,
    );
    expect(() => tableChangePattern({ service: 'reviews', entity: 'review' })).toThrow(
      /"review" is not an entity/,
    );
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
      eventPattern: tableChangePattern({
        service: 'reviews',
        entity: 'Review',
        changes: ['Created'],
      }),
    });

    // Assess
    Template.fromStack(stack).hasResourceProperties('AWS::Events::Rule', {
      EventPattern: { source: ['stack.reviews'], 'detail-type': ['ReviewCreated'] },
    });
  });
});
