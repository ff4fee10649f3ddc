import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';

/** A service and the template version its service.yaml pins. */
export interface ServiceInstanceRef {
  readonly service: string;
  readonly file: string;
  readonly template: string;
  readonly major: number;
}

// The top-level `template: <name>@<major>` line; the pipeline validates the whole file.
const TEMPLATE_LINE = /^template:\s*['"]?([a-z][a-z0-9-]*)@([1-9]\d*)['"]?\s*(#.*)?$/m;

/** Every `services/<name>/service.yaml` and the template it pins, by service name. */
export function listServiceInstances(repoRoot: string): ServiceInstanceRef[] {
  const services = join(repoRoot, 'services');
  if (!existsSync(services)) return [];
  return readdirSync(services, { withFileTypes: true })
    .filter((entry) => entry.isDirectory())
    .map((entry) => entry.name)
    .sort()
    .flatMap((service) => {
      const file = join(services, service, 'service.yaml');
      if (!existsSync(file)) return [];
      const match = TEMPLATE_LINE.exec(readFileSync(file, 'utf8'));
      return match?.[1] && match[2]
        ? [{ service, file, template: match[1], major: Number(match[2]) }]
        : [];
    });
}
