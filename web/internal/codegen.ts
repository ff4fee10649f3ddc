// Typed operations and persisted documents of this app (src/gql/), generated from the API schema
// of the committed supergraph by the codegen both apps share (@stack/web-ui/codegen).
//   tsx codegen.ts          write src/gql/
import { createGqlCodegen, writeGqlFiles } from '@stack/web-ui/codegen';
import { fileURLToPath, pathToFileURL } from 'node:url';

/** This app's codegen; the drift test compares its output with the committed src/gql/. */
export const codegen = createGqlCodegen({ appDir: fileURLToPath(new URL('.', import.meta.url)) });

if (process.argv[1] !== undefined && import.meta.url === pathToFileURL(process.argv[1]).href) {
  await writeGqlFiles(codegen);
}
