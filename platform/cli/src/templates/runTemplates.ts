import { listServiceTemplates } from '../new/findServiceTemplate.js';
import { listServiceInstances } from './listServiceInstances.js';

/** Where the templates commands print. */
export interface TemplatesOutput {
  out(text: string): void;
  err(text: string): void;
}

/** `stack templates list`: every service template, its majors and how many services use each. */
export function runTemplatesList(repoRoot: string, io: TemplatesOutput): number {
  const templates = listServiceTemplates(repoRoot);
  if (templates.length === 0) {
    io.err('no service templates under service-templates/\n');
    return 1;
  }
  const instances = listServiceInstances(repoRoot);
  const rows = templates.map((t) => {
    const users = instances.filter((i) => i.template === t.name && i.major === t.major);
    return [`${t.name}@${t.major}`, users.map((u) => u.service).join(', ') || '-'];
  });
  io.out(table([['TEMPLATE', 'SERVICES'], ...rows]));
  return 0;
}

/**
 * `stack templates outdated`: services pinned to an older major than the newest of their
 * template. Exit 0 either way (it is a report); 1 only when a service names a missing template.
 */
export function runTemplatesOutdated(repoRoot: string, io: TemplatesOutput): number {
  const templates = listServiceTemplates(repoRoot);
  const newest = new Map<string, number>();
  for (const t of templates) newest.set(t.name, Math.max(newest.get(t.name) ?? 0, t.major));
  const rows: string[][] = [];
  let missing = 0;
  for (const instance of listServiceInstances(repoRoot)) {
    const latest = newest.get(instance.template);
    if (latest === undefined) {
      io.err(
        `${instance.service}: template ${instance.template} does not exist under service-templates/\n`,
      );
      missing++;
    } else if (instance.major < latest) {
      rows.push([
        instance.service,
        `${instance.template}@${instance.major}`,
        `${instance.template}@${latest}`,
        `stack upgrade ${instance.service} --to ${latest}`,
      ]);
    }
  }
  if (rows.length === 0) io.out('every service is on the newest major of its template\n');
  else io.out(table([['SERVICE', 'CURRENT', 'NEWEST', 'UPGRADE WITH'], ...rows]));
  return missing > 0 ? 1 : 0;
}

function table(rows: readonly (readonly string[])[]): string {
  const widths =
    rows[0]?.map((_, column) => Math.max(...rows.map((row) => row[column]?.length ?? 0))) ?? [];
  return rows
    .map((row) =>
      row
        .map((cell, column) => cell.padEnd(widths[column] ?? 0))
        .join('  ')
        .trimEnd(),
    )
    .join('\n')
    .concat('\n');
}
