import { describe, expect, it } from '@jest/globals';
import { checkNode, compareVersions, MIN_NODE_VERSION } from '../../src/doctor/checkNode.js';

describe('Function: checkNode', () => {
  it('accepts the minimum version and newer ones', () => {
    expect(checkNode(MIN_NODE_VERSION).ok).toBe(true);
    expect(checkNode('22.1.0').ok).toBe(true);
  });

  it('rejects an older Node.js and says how to fix it', () => {
    const result = checkNode('18.20.4');
    expect(result.ok).toBe(false);
    expect(result.detail).toContain('18.20.4');
    expect(result.fix).toMatch(/Install Node\.js 20\.19\.0 or newer/);
  });
});

describe('Function: compareVersions', () => {
  it('orders versions numerically, not as text', () => {
    expect(compareVersions('20.10.0', '20.9.0')).toBeGreaterThan(0);
    expect(compareVersions('v20.19.0', '20.19')).toBe(0);
    expect(compareVersions('19.99.99', '20.0.0')).toBeLessThan(0);
  });
});
