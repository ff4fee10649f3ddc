import { describe, expect, it } from '@jest/globals';
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { REPOSITORY_ROOT } from '../infrastructure/repositoryPaths.js';

const manifest = readFileSync(new URL('../infrastructure/manifest.yaml', import.meta.url), 'utf8');
const scripts = (
  JSON.parse(readFileSync(join(REPOSITORY_ROOT, 'package.json'), 'utf8')) as {
    scripts: Record<string, string>;
  }
).scripts;
const synthSource = readFileSync(join(REPOSITORY_ROOT, 'pipelines/src/synth.ts'), 'utf8');

/** The commands of the provision and deprovision steps, in order. */
const commands = [...manifest.matchAll(/^ {10}- (.+)$/gm)].map((match) => match[1] ?? '');

describe('manifest.yaml', () => {
  it('runs install, synth of the one stage, then deploy or destroy of its stacks', () => {
    expect(commands).toEqual([
      'npm ci',
      'npm run synth -- --only "$STACK_STAGE"',
      'npx cdk deploy --app pipelines/cdk.out "$STACK_STAGE/*" --require-approval never',
      'npm ci',
      'npm run synth -- --only "$STACK_STAGE"',
      'npx cdk destroy --app pipelines/cdk.out "$STACK_STAGE/*" --force',
    ]);
  });

  it('calls only scripts, flags and binaries the repository has', () => {
    // Act
    const npmScripts = commands.flatMap((command) => /^npm run (\S+)/.exec(command)?.[1] ?? []);
    const synthFlags = commands.flatMap((command) =>
      command.startsWith('npm run synth -- ') ? (command.match(/--[a-z-]+/g) ?? []).slice(1) : [],
    );
    const binaries = commands.flatMap((command) => /^npx (\S+)/.exec(command)?.[1] ?? []);

    // Assess: `npm run synth` runs pipelines/src/synth.ts, which parses these flags and writes
    // pipelines/cdk.out, the assembly `cdk --app` reads; `npm ci` needs the lock file.
    expect(npmScripts.every((name) => name in scripts)).toBe(true);
    expect(scripts.synth).toBe('tsx pipelines/src/synth.ts');
    for (const flag of synthFlags) {
      expect(synthSource).toMatch(new RegExp(`\\b${flag.slice(2)}: \\{ type:`));
    }
    expect(synthSource).toMatch(/--out <dir>.*default pipelines\/cdk\.out/);
    expect(
      binaries.map((name) => existsSync(join(REPOSITORY_ROOT, 'node_modules/.bin', name))),
    ).toEqual(binaries.map(() => true));
    expect(existsSync(join(REPOSITORY_ROOT, 'package-lock.json'))).toBe(true);
  });
});
