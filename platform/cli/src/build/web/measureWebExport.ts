import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import type { WebExportReport } from './WebExportReport.js';

/** Counts the files of an export folder and their raw and gzipped bytes. */
export function measureWebExport(app: string, outDir: string): WebExportReport {
  let files = 0;
  let bytes = 0;
  let gzipBytes = 0;
  const visit = (path: string): void => {
    for (const entry of readdirSync(path, { withFileTypes: true })) {
      const child = join(path, entry.name);
      if (entry.isDirectory()) visit(child);
      else if (entry.isFile()) {
        const content = readFileSync(child);
        files += 1;
        bytes += statSync(child).size;
        gzipBytes += gzipSync(content).length;
      }
    }
  };
  visit(outDir);
  return { app, files, bytes, gzipBytes };
}
