/**
 * Code put at the top of every ESM Lambda bundle so bundled CommonJS dependencies keep working:
 * esbuild turns their `require('stream')` of Node built-ins into a call of a global `require`,
 * and some read `__filename`/`__dirname`; none of the three exists in an ES module.
 * The aliases are prefixed so they cannot clash with names in the bundle.
 *
 * This is the one copy: `stack build` and the bench's cold-start floor import it
 * (`@stack/stack-env-v1/esmRequireBanner`), so what is measured is what deploys.
 */
export const ESM_REQUIRE_BANNER = [
  "import { createRequire as __stackCreateRequire } from 'node:module';",
  "import { fileURLToPath as __stackFileURLToPath } from 'node:url';",
  "import { dirname as __stackDirname } from 'node:path';",
  'const require = __stackCreateRequire(import.meta.url);',
  'const __filename = __stackFileURLToPath(import.meta.url);',
  'const __dirname = __stackDirname(__filename);',
].join('\n');
