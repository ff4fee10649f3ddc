import { describe, expect, it } from '@jest/globals';
import { InvalidMessageError, parseQueueMessage } from '../../src/worker/QueueMessage.js';
import { eventBridgeBody } from '../../src/testing/sqsRecords.js';

describe('Function: parseQueueMessage', () => {
  it('turns an EventBridge envelope into a typed event', () => {
    // Prepare
    const body = eventBridgeBody({
      id: 'e-1',
      source: 'stack.reviews',
      detailType: 'ReviewCreated',
      detail: { id: 'r-1', rating: 5 },
    });

    // Act
    const message = parseQueueMessage<{ id: string; rating: number }>(body);

    // Assess
    expect(message).toEqual({
      kind: 'event',
      id: 'e-1',
      source: 'stack.reviews',
      detailType: 'ReviewCreated',
      time: '2026-01-02T03:04:05Z',
      detail: { id: 'r-1', rating: 5 },
    });
  });

  it.each([
    ['an object with some envelope fields', { source: 'stack.users', id: 'x', detail: {} }],
    ['an array', [1, 2]],
    ['a string', 'hello'],
    ['null', null],
  ])('passes %s on as a direct message', (_label, body) => {
    // Act
    const message = parseQueueMessage(JSON.stringify(body));

    // Assess
    expect(message).toEqual({ kind: 'message', body });
  });

  it('refuses a body that is not JSON, saying so', () => {
    // Act
    const parse = () => parseQueueMessage('{"unterminated": ');

    // Assess
    expect(parse).toThrow(InvalidMessageError);
    expect(parse).toThrow(/^the message body is not JSON \(/);
  });
});
