import type { LocalResources } from '@stack/local';
import { relative } from 'node:path';

/** The table `stack dev` prints after start: what was provisioned from the synthesized stage. */
export function formatResourceTable(resources: LocalResources, root: string): string {
  const show = (path: string) => (path.startsWith(root) ? relative(root, path) : path);
  const sections: [string, readonly string[]][] = [
    ['Tables', resources.tables],
    ['Queues', resources.queues],
    ['Topics', resources.topics],
    ['Buses', resources.buses],
    ['Rules', resources.rules],
    [
      resources.runsFrom === 'bundles'
        ? 'Functions, each from its esbuild bundle (no reload on change)'
        : 'Functions, from their sources',
      Object.entries(resources.functions).map(([name, runs]) => `${name}  ${show(runs)}`),
    ],
  ];
  const lines = [
    '',
    `  Resources of the synthesized local stage (${show(resources.assembly.directory)}${resources.assembly.cached ? ', cached' : ''}):`,
  ];
  for (const [title, items] of sections) {
    lines.push(`    ${title} (${items.length})`);
    for (const item of items) lines.push(`      ${item}`);
  }
  if (resources.conflictingVariables.length > 0)
    lines.push(
      `    Variables functions set differently (not in the shared process env): ${resources.conflictingVariables.join(', ')}`,
    );
  return `${lines.join('\n')}\n`;
}
