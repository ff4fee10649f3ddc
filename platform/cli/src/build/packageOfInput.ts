const NODE_MODULES = /(?:^|\/)node_modules\/((?:@[^/]+\/)?[^/]+)/g;

/**
 * The package a metafile input belongs to: `<pkg>` of its innermost `node_modules/<pkg>`, or its
 * workspace folder (`services/router`, `platform/kit`) for the repository's own source.
 */
export function packageOfInput(input: string): string {
  const path = input.replace(/\\/g, '/');
  const packages = [...path.matchAll(NODE_MODULES)].flatMap((match) => match[1] ?? []);
  const innermost = packages.at(-1);
  if (innermost !== undefined) return innermost;
  // Workspaces sit two levels deep (services/*, platform/*); the rest keeps its first segments.
  return path.split('/').slice(0, 2).join('/');
}
