import { Kind, print, type ConstValueNode, type DocumentNode } from 'graphql';
import type { FederationLink } from './FederationLink.js';

const FEDERATION_URL = /^https:\/\/specs\.apollo\.dev\/federation\/v(\d+)\.(\d+)$/;
/** The newest Federation 2 minor version this builder knows the definitions of. */
export const NEWEST_FEDERATION_MINOR = 14;
const EXAMPLE_LINK =
  'extend schema @link(url: "https://specs.apollo.dev/federation/v2.7", import: ["@key"])';

/**
 * Reads the `@link(url: "https://specs.apollo.dev/federation/v2.x", import: […])` of a subgraph
 * SDL; throws when there is none, it names an unknown version or its imports are malformed.
 */
export function readFederationLink(document: DocumentNode, source: string): FederationLink {
  const links: FederationLink[] = [];
  for (const definition of document.definitions) {
    if (definition.kind !== Kind.SCHEMA_DEFINITION && definition.kind !== Kind.SCHEMA_EXTENSION) {
      continue;
    }
    for (const directive of definition.directives ?? []) {
      if (directive.name.value !== 'link') continue;
      const argument = (name: string) =>
        directive.arguments?.find((candidate) => candidate.name.value === name)?.value;
      const url = argument('url');
      if (url?.kind !== Kind.STRING) continue;
      const version = FEDERATION_URL.exec(url.value);
      if (!version) continue;
      const [major, minor] = [Number(version[1]), Number(version[2])];
      if (major !== 2 || minor > NEWEST_FEDERATION_MINOR) {
        throw new Error(
          `${source}: @link(url: "${url.value}") names a federation version this kit does not support; use v2.0 to v2.${NEWEST_FEDERATION_MINOR}.`,
        );
      }
      const as = argument('as');
      links.push({
        url: url.value,
        minor,
        prefix: as?.kind === Kind.STRING ? as.value : 'federation',
        imports: readImports(argument('import'), source),
      });
    }
  }
  const [link, extra] = links;
  if (!link) {
    throw new Error(
      `${source}: the SDL has no @link to the Federation 2 spec; add \`${EXAMPLE_LINK}\` at its top (Federation 1 SDL is not supported).`,
    );
  }
  if (extra) {
    throw new Error(`${source}: the SDL links the federation spec twice; keep one @link.`);
  }
  return link;
}

/** `import: ["@key", { name: "@shareable", as: "@share" }, "FieldSet"]` → element → local name. */
function readImports(value: ConstValueNode | undefined, source: string): Map<string, string> {
  const imports = new Map<string, string>();
  if (!value) return imports;
  const items = value.kind === Kind.LIST ? value.values : [value];
  for (const item of items) {
    if (item.kind === Kind.STRING) {
      imports.set(item.value, item.value);
      continue;
    }
    const field = (name: string) =>
      item.kind === Kind.OBJECT
        ? item.fields.find((candidate) => candidate.name.value === name)?.value
        : undefined;
    const name = field('name');
    const as = field('as');
    if (name?.kind !== Kind.STRING || (as !== undefined && as.kind !== Kind.STRING)) {
      throw new Error(
        `${source}: @link import ${print(item)} is malformed; write "@key" or { name: "@key", as: "@id" }.`,
      );
    }
    if (name.value.startsWith('@') !== (as?.value ?? name.value).startsWith('@')) {
      throw new Error(
        `${source}: @link import ${print(item)} renames a directive to a type or back; keep the "@" on both names or on neither.`,
      );
    }
    imports.set(name.value, as?.value ?? name.value);
  }
  return imports;
}
