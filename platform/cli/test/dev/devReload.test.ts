import { afterAll, describe, expect, it, jest } from '@jest/globals';
import { spawn, type ChildProcess } from 'node:child_process';
import { randomUUID } from 'node:crypto';
import {
  cpSync,
  existsSync,
  mkdtempSync,
  readdirSync,
  readFileSync,
  rmSync,
  writeFileSync,
} from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { freePort } from '@stack/local/testing';

// One real `stack dev` (DynamoDB Local, a synthesis with no cache) on a busy 2-core machine.
jest.setTimeout(420_000);

const REPOSITORY = fileURLToPath(new URL('../../../../', import.meta.url));
const BIN = join(REPOSITORY, 'platform', 'cli', 'bin', 'stack.js');
const PORTS = ['API', 'AUTH', 'DYNAMODB', 'EVENTBRIDGE', 'SQS', 'MAIL', 'WEB', 'INTERNAL'];

/** Waits until the output so far matches `pattern`, or fails after `ms` showing the output. */
async function waitForOutput(output: () => string, pattern: RegExp, ms: number): Promise<void> {
  const deadline = Date.now() + ms;
  while (!pattern.test(output())) {
    if (Date.now() > deadline)
      throw new Error(`no ${pattern} after ${ms} ms; output:\n${output()}`);
    await new Promise((resolve) => setTimeout(resolve, 250));
  }
}

describe('Command: stack dev (source mode)', () => {
  // Copies of the repository's services inside the repository (so @stack/kit resolves), without
  // their package.json (a second package of the same name would collide in jest's module map).
  const servicesRoot = join(REPOSITORY, '.stack', `test-dev-services-${randomUUID()}`);
  for (const name of readdirSync(join(REPOSITORY, 'services'))) {
    if (!existsSync(join(REPOSITORY, 'services', name, 'service.yaml'))) continue;
    cpSync(join(REPOSITORY, 'services', name), join(servicesRoot, name), {
      recursive: true,
      filter: (source) => !/[/\\](node_modules|dist|test|package\.json)$/.test(source),
    });
  }
  const root = mkdtempSync(join(tmpdir(), 'stack-dev-reload-'));
  let child: ChildProcess | undefined;
  afterAll(() => {
    if (child?.exitCode === null) child.kill('SIGKILL');
    rmSync(servicesRoot, { recursive: true, force: true });
    rmSync(root, { recursive: true, force: true });
  });

  it('reloads an edited resolver (prints "reloaded <service>", answers with the new code) and stops cleanly on Ctrl-C', async () => {
    // Prepare: a stage on free ports, its state and services of its own.
    const env: NodeJS.ProcessEnv = { ...process.env };
    for (const name of PORTS) env[`STACK_PORT_${name}`] = String(await freePort());
    let output = '';
    child = spawn(process.execPath, [BIN, 'dev', '--root', root, '--services', servicesRoot], {
      env,
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    child.stdout?.on('data', (chunk: Buffer) => (output += chunk.toString()));
    child.stderr?.on('data', (chunk: Buffer) => (output += chunk.toString()));
    const exited = new Promise<number | null>((resolve) => child?.once('exit', resolve));
    await waitForOutput(() => output, /ready in [\d.]+ s/, 400_000);
    const api = `http://localhost:${env['STACK_PORT_API']}/graphql`;
    const title = async () => {
      const response = await fetch(api, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ query: '{ products(first: 1) { edges { node { title } } } }' }),
      });
      const body = (await response.json()) as {
        data?: { products?: { edges: { node: { title: string } }[] } };
      };
      return body.data?.products?.edges[0]?.node.title;
    };
    expect(await title()).toEqual(expect.any(String));
    expect(await title()).not.toBe('Reloaded title');
    const resolvers = join(servicesRoot, 'products', 'src', 'resolvers.ts');
    const source = readFileSync(resolvers, 'utf8');
    const edited = source.replace(
      'return toConnection(page, productFromItem);',
      "return toConnection(page, (item) => ({ ...productFromItem(item), title: 'Reloaded title' }));",
    );
    expect(edited).not.toBe(source);

    // Act
    writeFileSync(resolvers, edited);
    await waitForOutput(() => output, /reloaded products/, 60_000);
    const after = await title();
    child.kill('SIGINT');
    const code = await exited;

    // Assess
    expect(output).toMatch(/Resources of the synthesized local stage/);
    expect(output).toMatch(/Tables \(1\)\n\s+local-Environment-Table/);
    expect(after).toBe('Reloaded title');
    expect(code).toBe(0);
    expect(output).toContain('stopped: every emulator and listener is closed');
  });
});
