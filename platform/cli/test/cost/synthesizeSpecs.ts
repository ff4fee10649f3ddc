import { spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

const tsx = createRequire(import.meta.url).resolve('tsx/cli');
const synthScript = fileURLToPath(new URL('../../../../pipelines/src/synth.ts', import.meta.url));

/** A temp specs folder and the cloud assembly `npm run synth` made of it. */
export interface SynthesizedSpecs {
  readonly specsDir: string;
  readonly cdkOut: string;
  remove(): void;
}

/**
 * Writes the given EnvironmentSpecs (name → YAML) to a temp folder and synthesizes them with
 * the real synth script, skipping Lambda bundling: pricing reads templates, not bundles.
 * `context` is extra CDK context, as a committed cdk.context.json would hold it.
 */
export function synthesizeSpecs(
  specs: Record<string, string>,
  context: Record<string, unknown> = {},
): SynthesizedSpecs {
  const root = mkdtempSync(join(tmpdir(), 'stack-cost-'));
  const specsDir = join(root, 'environments');
  const cdkOut = join(root, 'cdk.out');
  mkdirSync(specsDir);
  for (const [name, yaml] of Object.entries(specs))
    writeFileSync(join(specsDir, `${name}.yaml`), yaml);
  const result = spawnSync(
    process.execPath,
    [tsx, synthScript, '--specs', specsDir, '--out', cdkOut],
    {
      env: {
        ...process.env,
        CDK_CONTEXT_JSON: JSON.stringify({ 'aws:cdk:bundling-stacks': [], ...context }),
        // CDK's check of templates against the CloudFormation schemas costs ~10 s per run and
        // changes no template; pipelines/test covers it. cdk-nag still runs.
        CDK_VALIDATION: 'false',
      },
      encoding: 'utf8',
      timeout: 300_000,
    },
  );
  if (result.status !== 0) {
    rmSync(root, { recursive: true, force: true });
    throw new Error(`synth failed (${result.status}):\n${result.stdout}\n${result.stderr}`);
  }
  return { specsDir, cdkOut, remove: () => rmSync(root, { recursive: true, force: true }) };
}

/** An EnvironmentSpec of stack-env@1 for account 111111111111 with the given `spec:` lines. */
export function environmentSpec(specLines: readonly string[]): string {
  return [
    'proton: EnvironmentSpec',
    'template: stack-env@1',
    'account: "111111111111"',
    'region: eu-west-1',
    'wave: 1',
    'spec:',
    ...specLines.map((line) => `  ${line}`),
    '',
  ].join('\n');
}
