/**
 * Code put at the top of every ESM Lambda bundle so bundled CommonJS dependencies keep working:
 * esbuild turns their `require('stream')` of Node built-ins into a call of a global `require`,
 * and some read `__filename`/`__dirname`; none of the three exists in an ES module.
 *
 * The value is copied from platform/cli/src/build/esmRequireBanner.ts (`stack build`) rather
 * than imported: a template may only depend on what deploys, not on developer tooling.
 * test/esmRequireBanner.test.ts fails when the two copies drift apart.
 */
export const ESM_REQUIRE_BANNER = [
  "import { createRequire as __stackCreateRequire } from 'node:module';",
  "import { fileURLToPath as __stackFileURLToPath } from 'node:url';",
  "import { dirname as __stackDirname } from 'node:path';",
  'const require = __stackCreateRequire(import.meta.url);',
  'const __filename = __stackFileURLToPath(import.meta.url);',
  'const __dirname = __stackDirname(__filename);',
].join('\n');
