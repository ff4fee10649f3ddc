import { describe, expect, it } from '@jest/globals';
import { routerSettings, type RouterServiceInputs } from '../infrastructure/index.js';

const DEFAULTS: RouterServiceInputs = {
  owner: 'team-platform',
  memorySize: 1024,
  timeout: 10,
  subgraphTimeoutMs: 5000,
  maxBodyBytes: 100_000,
};

describe('Function: routerSettings', () => {
  it('maps the instance inputs to the environment router’s settings', () => {
    expect(routerSettings({ ...DEFAULTS, memorySize: 2048, reservedConcurrency: 50 })).toEqual({
      memorySize: 2048,
      timeoutSeconds: 10,
      subgraphTimeoutMs: 5000,
      maxBodyBytes: 100_000,
      reservedConcurrency: 50,
    });
    expect(routerSettings(DEFAULTS)).not.toHaveProperty('reservedConcurrency');
  });

  it('refuses a subgraph timeout that is not shorter than the request timeout', () => {
    expect(() => routerSettings({ ...DEFAULTS, timeout: 5, subgraphTimeoutMs: 5000 })).toThrow(
      'subgraphTimeoutMs 5000 must be shorter than timeout 5 s (5000 ms)',
    );
  });
});
