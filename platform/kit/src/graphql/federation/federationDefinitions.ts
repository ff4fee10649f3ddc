import type { FederationLink } from './FederationLink.js';
import { localName } from './localName.js';

/** One element of the federation spec: since which v2 minor it exists and its definition. */
interface SpecElement {
  /** `@key` for a directive, `FieldSet` for a type. */
  readonly element: string;
  readonly since: number;
  /** The definition's SDL; `name` maps spec element names to the subgraph's names. */
  readonly sdl: (name: (element: string) => string, minor: number) => string;
}

const ON_OWNED_ELEMENTS =
  'FIELD_DEFINITION | OBJECT | INTERFACE | UNION | ARGUMENT_DEFINITION | SCALAR | ENUM | ENUM_VALUE | INPUT_OBJECT | INPUT_FIELD_DEFINITION';
const ON_AUTH_ELEMENTS = 'FIELD_DEFINITION | OBJECT | INTERFACE | SCALAR | ENUM';

/**
 * The directives of Federation 2, in the order Apollo's subgraph library defines them, with the
 * version each appeared in (and the versions that changed them: `@tag` on SCHEMA from v2.3,
 * repeatable `@shareable` from v2.2, `@override(label:)` from v2.7).
 */
const DIRECTIVES: readonly SpecElement[] = [
  {
    element: '@key',
    since: 0,
    sdl: (n) =>
      `directive @${n('@key')}(fields: ${n('FieldSet')}!, resolvable: Boolean = true) repeatable on OBJECT | INTERFACE`,
  },
  {
    element: '@requires',
    since: 0,
    sdl: (n) => `directive @${n('@requires')}(fields: ${n('FieldSet')}!) on FIELD_DEFINITION`,
  },
  {
    element: '@provides',
    since: 0,
    sdl: (n) => `directive @${n('@provides')}(fields: ${n('FieldSet')}!) on FIELD_DEFINITION`,
  },
  {
    element: '@external',
    since: 0,
    sdl: (n) => `directive @${n('@external')}(reason: String) on OBJECT | FIELD_DEFINITION`,
  },
  {
    element: '@tag',
    since: 0,
    sdl: (n, minor) =>
      `directive @${n('@tag')}(name: String!) repeatable on ${ON_OWNED_ELEMENTS}${minor >= 3 ? ' | SCHEMA' : ''}`,
  },
  {
    element: '@extends',
    since: 0,
    sdl: (n) => `directive @${n('@extends')} on OBJECT | INTERFACE`,
  },
  {
    element: '@shareable',
    since: 0,
    sdl: (n, minor) =>
      `directive @${n('@shareable')} ${minor >= 2 ? 'repeatable ' : ''}on OBJECT | FIELD_DEFINITION`,
  },
  {
    element: '@inaccessible',
    since: 0,
    sdl: (n) => `directive @${n('@inaccessible')} on ${ON_OWNED_ELEMENTS}`,
  },
  {
    element: '@override',
    since: 0,
    sdl: (n, minor) =>
      `directive @${n('@override')}(from: String!${minor >= 7 ? ', label: String' : ''}) on FIELD_DEFINITION`,
  },
  {
    element: '@composeDirective',
    since: 1,
    sdl: (n) => `directive @${n('@composeDirective')}(name: String) repeatable on SCHEMA`,
  },
  {
    element: '@interfaceObject',
    since: 3,
    sdl: (n) => `directive @${n('@interfaceObject')} on OBJECT`,
  },
  {
    element: '@authenticated',
    since: 5,
    sdl: (n) => `directive @${n('@authenticated')} on ${ON_AUTH_ELEMENTS}`,
  },
  {
    element: '@requiresScopes',
    since: 5,
    sdl: (n) =>
      `directive @${n('@requiresScopes')}(scopes: [[${n('Scope')}!]!]!) on ${ON_AUTH_ELEMENTS}`,
  },
  {
    element: '@policy',
    since: 6,
    sdl: (n) =>
      `directive @${n('@policy')}(policies: [[${n('Policy')}!]!]!) on ${ON_AUTH_ELEMENTS}`,
  },
  {
    element: '@context',
    since: 8,
    sdl: (n) =>
      `directive @${n('@context')}(name: String!) repeatable on INTERFACE | OBJECT | UNION`,
  },
  {
    element: '@fromContext',
    since: 8,
    sdl: (n) =>
      `directive @${n('@fromContext')}(field: ${n('ContextFieldValue')}) on ARGUMENT_DEFINITION`,
  },
  {
    element: '@cost',
    since: 9,
    sdl: (n) =>
      `directive @${n('@cost')}(weight: Int!) on ARGUMENT_DEFINITION | ENUM | FIELD_DEFINITION | INPUT_FIELD_DEFINITION | OBJECT | SCALAR`,
  },
  {
    element: '@listSize',
    since: 9,
    sdl: (n) =>
      `directive @${n('@listSize')}(assumedSize: Int, slicingArguments: [String!], sizedFields: [String!], requireOneSlicingArgument: Boolean = true) on FIELD_DEFINITION`,
  },
  {
    element: '@cacheTag',
    since: 12,
    sdl: (n) =>
      `directive @${n('@cacheTag')}(format: String!) repeatable on OBJECT | FIELD_DEFINITION`,
  },
];

/** The scalars of Federation 2 that its directives' arguments use. */
const TYPES: readonly SpecElement[] = [
  { element: 'FieldSet', since: 0, sdl: (n) => `scalar ${n('FieldSet')}` },
  { element: 'Scope', since: 5, sdl: (n) => `scalar ${n('Scope')}` },
  { element: 'Policy', since: 6, sdl: (n) => `scalar ${n('Policy')}` },
  { element: 'ContextFieldValue', since: 8, sdl: (n) => `scalar ${n('ContextFieldValue')}` },
];

/** The link spec's own definitions (`@link` is not renamed: the SDL links the link spec by default). */
const LINK_DIRECTIVE =
  'directive @link(url: String, as: String, for: link__Purpose, import: [link__Import]) repeatable on SCHEMA';
const LINK_PURPOSE = `enum link__Purpose {
  "\`SECURITY\` features provide metadata necessary to securely resolve fields."
  SECURITY
  "\`EXECUTION\` features provide metadata necessary for operation execution."
  EXECUTION
}`;

/** The SDL definitions a federation spec version brings, split so callers can order them. */
export interface FederationDefinitions {
  /** `@link` and the federation directives, by the names the subgraph uses. */
  readonly directives: ReadonlyMap<string, string>;
  /** `link__Purpose`, `link__Import` and the federation scalars, by the names the subgraph uses. */
  readonly types: ReadonlyMap<string, string>;
}

/**
 * The directive and type definitions of the linked federation version, named as the subgraph
 * imported them (Apollo's subgraph library defines all of them, imported or not, so a subgraph
 * may use `@federation__requires` without importing it). Throws on an import the version lacks.
 */
export function federationDefinitions(link: FederationLink, source: string): FederationDefinitions {
  const available = [...DIRECTIVES, ...TYPES].filter((spec) => spec.since <= link.minor);
  for (const element of link.imports.keys()) {
    if (!available.some((spec) => spec.element === element)) {
      throw new Error(
        `${source}: @link imports "${element}", which Federation v2.${link.minor} does not define; check the spelling or link a newer version.`,
      );
    }
  }
  const name = (element: string) => localName(link, element);
  const named = (specs: readonly SpecElement[]) =>
    specs
      .filter((spec) => spec.since <= link.minor)
      .map((spec): [string, string] => [name(spec.element), spec.sdl(name, link.minor)]);
  return {
    directives: new Map([['link', LINK_DIRECTIVE], ...named(DIRECTIVES)]),
    types: new Map([
      ['link__Purpose', LINK_PURPOSE],
      ['link__Import', 'scalar link__Import'],
      ...named(TYPES),
    ]),
  };
}
