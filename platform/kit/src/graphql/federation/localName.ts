import type { FederationLink } from './FederationLink.js';

/**
 * The name a subgraph uses for an element of the federation spec (`@key` → `key`, or `id` when
 * imported as `@id`, or `federation__key` when not imported), without the `@` of directives.
 */
export function localName(link: FederationLink, element: string): string {
  const imported = link.imports.get(element);
  if (imported !== undefined) return imported.replace(/^@/, '');
  return `${link.prefix}__${element.replace(/^@/, '')}`;
}
