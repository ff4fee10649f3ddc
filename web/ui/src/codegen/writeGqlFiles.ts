import { mkdirSync, rmSync, writeFileSync } from 'node:fs';
import { dirname, join, relative } from 'node:path';
import type { GeneratedFile, GqlCodegen } from './createGqlCodegen';

/** Replaces the app's src/gql/ with what its codegen generates now (`npm run codegen`). */
export async function writeGqlFiles(codegen: GqlCodegen): Promise<GeneratedFile[]> {
  const files = await codegen.generate();
  const gqlPath = join(codegen.appDir, codegen.gqlDir);
  rmSync(gqlPath, { recursive: true, force: true });
  for (const file of files) {
    mkdirSync(dirname(join(codegen.appDir, file.path)), { recursive: true });
    writeFileSync(join(codegen.appDir, file.path), file.content);
  }
  console.log(
    `codegen: wrote ${files.length} files to ${relative(process.cwd(), gqlPath) || codegen.gqlDir}`,
  );
  return files;
}
