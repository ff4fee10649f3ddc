import { describe, expect, it } from '@jest/globals';
import { fakeBin } from '../support/fakeBin.js';
import { runCli } from '../support/runCli.js';

describe('Command: stack dev without Java', () => {
  it('says what is missing, why and how to fix it, exits non-zero and starts nothing', () => {
    // Act: a PATH with node only.
    const { code, stdout, stderr } = runCli(['dev'], { PATH: fakeBin() });

    // Assess
    expect(code).toBe(1);
    expect(stderr).toContain('java not found on PATH');
    expect(stderr).toContain('DynamoDB Local');
    expect(stderr).toContain('apt-get install -y default-jre-headless');
    // Checked before the ports, the synthesis or any emulator.
    expect(stdout).not.toMatch(/synthesizing|starting|ready in/);
  });
});
