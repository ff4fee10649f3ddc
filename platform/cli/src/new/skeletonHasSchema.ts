import { existsSync } from 'node:fs';
import { join } from 'node:path';
import type { ServiceTemplateVersion } from './findServiceTemplate.js';

/**
 * Whether a template's skeleton renders a `schema.graphql`, i.e. makes a subgraph the
 * supergraph must be recomposed with. An event worker's does not.
 */
export function skeletonHasSchema(template: ServiceTemplateVersion): boolean {
  return existsSync(join(template.dir, 'skeleton', 'schema.graphql.tmpl'));
}
