import { Option, type Command } from 'commander';
import { resolve } from 'node:path';
import { defaultLambdaOutDir } from '../build/lambdaOutDir.js';
import { runBuild } from '../build/runBuild.js';
import { runWebBuild } from '../build/web/runWebBuild.js';
import { defaultRepoRoot } from '../repoRoot.js';

interface BuildCommandOptions {
  out?: string;
  json?: boolean;
  analyze?: string;
  web?: boolean;
}

/** `stack build`: bundles every Lambda handler with esbuild and reports the bundle sizes. */
export function registerBuild(program: Command): void {
  program
    .command('build')
    .description(
      'bundle services/*/src/handler.ts into <out>/<name>/index.mjs for Lambda, export the web apps (next build), and report their sizes',
    )
    .argument('[names...]', 'functions to build (folder names under services/); default: all')
    .option('--out <dir>', 'output directory (default: dist/lambda in the repository)')
    .addOption(new Option('--json', 'print only the report, as JSON').conflicts('analyze'))
    .option(
      '--analyze <name>',
      "also print esbuild's breakdown of this function's bundle (built alone if no names are given)",
    )
    .option(
      '--no-web',
      'skip the static exports of web/app and web/internal (built only when no names, --analyze or --json are given)',
    )
    .action(async (names: string[], options: BuildCommandOptions) => {
      const repoRoot = defaultRepoRoot();
      const code = await runBuild(
        {
          repoRoot,
          names,
          outDir: options.out === undefined ? defaultLambdaOutDir(repoRoot) : resolve(options.out),
          json: options.json === true,
          analyze: options.analyze,
        },
        {
          out: (text) => process.stdout.write(text),
          err: (text) => process.stderr.write(text),
        },
      );
      const buildWeb =
        code === 0 &&
        options.web !== false &&
        names.length === 0 &&
        options.analyze === undefined &&
        options.json !== true;
      if (buildWeb) process.stdout.write('\n');
      process.exitCode = buildWeb
        ? await runWebBuild(repoRoot, {
            out: (text) => process.stdout.write(text),
            err: (text) => process.stderr.write(text),
          })
        : code;
    });
}
