import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { availableTemplates } from '../specs/availableTemplates.js';

/**
 * The names of the service templates `stack new service --template <name>` can render: a
 * folder `<root>/<name>/v<major>/` with `schema/schema.yaml` and a `skeleton/`, sorted. A
 * template whose skeleton is not there yet is left out, so the request form never offers a
 * choice that can only fail.
 */
export function serviceTemplateNames(serviceTemplatesRoot: string): string[] {
  const renderable = availableTemplates(serviceTemplatesRoot).filter((template) =>
    existsSync(join(serviceTemplatesRoot, template.name, `v${template.major}`, 'skeleton')),
  );
  return [...new Set(renderable.map((template) => template.name))];
}
