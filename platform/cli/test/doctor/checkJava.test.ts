import { describe, expect, it } from '@jest/globals';
import { checkJava, parseJavaMajor } from '../../src/doctor/checkJava.js';
import { fakeBin } from '../support/fakeBin.js';

describe('Function: parseJavaMajor', () => {
  it('reads modern and legacy version strings', () => {
    expect(parseJavaMajor('openjdk version "17.0.15" 2025-04-15')).toBe(17);
    expect(parseJavaMajor('java version "1.8.0_301"')).toBe(8);
    expect(parseJavaMajor('openjdk version "21" 2023-09-19')).toBe(21);
  });

  it('returns undefined when there is no version', () => {
    expect(parseJavaMajor('command not found')).toBeUndefined();
  });
});

describe('Function: checkJava', () => {
  it('reports a missing java with the install command', () => {
    const result = checkJava({ PATH: fakeBin() });
    expect(result.ok).toBe(false);
    expect(result.detail).toBe('java not found on PATH');
    expect(result.fix).toContain('apt-get install -y default-jre-headless');
  });

  it('rejects a Java older than 17', () => {
    const result = checkJava({ PATH: fakeBin({ java: `echo 'java version "1.8.0_301"' >&2` }) });
    expect(result.ok).toBe(false);
    expect(result.detail).toMatch(/Java 8 at .* is older than 17/);
  });

  it('accepts the Java runtime installed on this machine', () => {
    const result = checkJava(process.env);
    expect(result).toMatchObject({ name: 'java', ok: true });
    expect(result.detail).toMatch(/^Java \d+ \(/);
  });
});
