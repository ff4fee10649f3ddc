import { spawn } from 'node:child_process';
import { pathToFileURL } from 'node:url';
import { median } from '../stats/percentile.js';

/** One cold start: a fresh process imports a bundle and answers one event. */
export interface ColdStartSample {
  /** From just before `import()` to the module being loaded. */
  readonly importMs: number;
  /** From just before `import()` to the handler's first answer: the cold start. */
  readonly firstAnswerMs: number;
  readonly result: unknown;
}

/** The median of several cold starts, and the first answer (to check it). */
export interface ColdStart {
  readonly importMs: number;
  readonly firstAnswerMs: number;
  readonly samples: readonly ColdStartSample[];
}

const RESULT_MARK = '\n--bench-result--\n';

/**
 * Measures a bundle's cold start `runs` times, each in a fresh `node` process with only the
 * given environment (so nothing of the bench's own process leaks in), and returns the medians.
 */
export async function measureColdStart(options: {
  bundle: string;
  event: unknown;
  env: Readonly<Record<string, string>>;
  runs: number;
}): Promise<ColdStart> {
  const samples: ColdStartSample[] = [];
  for (let run = 0; run < options.runs; run += 1) samples.push(await coldStartOnce(options));
  return {
    importMs: median(samples.map((sample) => sample.importMs)),
    firstAnswerMs: median(samples.map((sample) => sample.firstAnswerMs)),
    samples,
  };
}

function coldStartOnce(options: {
  bundle: string;
  event: unknown;
  env: Readonly<Record<string, string>>;
}): Promise<ColdStartSample> {
  const script = [
    'const started = performance.now();',
    `const { handler } = await import(${JSON.stringify(pathToFileURL(options.bundle).href)});`,
    'const imported = performance.now();',
    `const result = await handler(${JSON.stringify(options.event)}, { awsRequestId: 'bench-cold-start' });`,
    'const answered = performance.now();',
    `process.stdout.write(${JSON.stringify(RESULT_MARK)} + JSON.stringify({ importMs: imported - started, firstAnswerMs: answered - started, result }));`,
    // Lambda freezes the environment after the answer; nothing may keep this process alive.
    'process.exit(0);',
  ].join('\n');
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, ['--input-type=module', '-e', script], {
      env: { PATH: process.env.PATH ?? '', ...options.env },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (chunk: Buffer) => (stdout += chunk.toString()));
    child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
    const timer = setTimeout(() => child.kill('SIGKILL'), 60_000);
    child.once('error', reject);
    child.once('close', (code) => {
      clearTimeout(timer);
      const at = stdout.lastIndexOf(RESULT_MARK);
      if (code !== 0 || at < 0) {
        reject(
          new Error(`node exited with ${code} loading ${options.bundle}:\n${stderr.slice(-2000)}`),
        );
        return;
      }
      resolve(JSON.parse(stdout.slice(at + RESULT_MARK.length)) as ColdStartSample);
    });
  });
}
