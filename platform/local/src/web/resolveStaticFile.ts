import { existsSync, statSync } from 'node:fs';
import { join, normalize, sep } from 'node:path';

/**
 * The file a static export serves for a URL path, as S3 + CloudFront do for the hosted apps:
 * the file itself, `<path>/index.html`, or `<path>.html` (clean URLs: /account → account/index.html).
 * Undefined when there is none, or when the path would leave the export folder.
 */
export function resolveStaticFile(root: string, urlPath: string): string | undefined {
  let decoded: string;
  try {
    decoded = decodeURIComponent(urlPath);
  } catch {
    return undefined;
  }
  if (decoded.includes('\0')) return undefined;
  const path = normalize(join(root, decoded));
  if (path !== root && !path.startsWith(root.endsWith(sep) ? root : root + sep)) return undefined;
  for (const candidate of [path, join(path, 'index.html'), `${path.replace(/[\\/]+$/, '')}.html`]) {
    if (existsSync(candidate) && statSync(candidate).isFile()) return candidate;
  }
  return undefined;
}
