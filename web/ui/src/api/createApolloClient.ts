import { ApolloClient, ApolloLink, HttpLink, InMemoryCache } from '@apollo/client';
import { SetContextLink } from '@apollo/client/link/context';
import { PersistedQueryLink } from '@apollo/client/link/persisted-queries';
import { Kind, type DocumentNode } from 'graphql';
import type { WebConfig } from '../config/WebConfig';

/** Codegen's client preset stores each document's sha256 on it (persisted documents). */
type HashedDocument = DocumentNode & { readonly __meta__?: { readonly hash?: string } };

function persistedHash(document: DocumentNode): string {
  const hash = (document as HashedDocument).__meta__?.hash;
  if (hash === undefined) {
    throw new Error(
      'this operation is not a generated persisted document; write it with graphql() from src/gql and run npm run codegen',
    );
  }
  return hash;
}

/** An app's src/gql/persisted-documents.json: the text of each generated document by its sha256. */
export type PersistedDocuments = Readonly<Record<string, string>>;

// When the full text is sent, it is the registered text itself, so the router can check that
// it hashes to sha256Hash (graphql-js's print would lay it out differently).
function printPersisted(
  document: DocumentNode,
  print: (node: DocumentNode) => string,
  documentText: PersistedDocuments,
): string {
  const hash = (document as HashedDocument).__meta__?.hash;
  return (hash !== undefined ? documentText[hash] : undefined) ?? print(document);
}

/**
 * Apollo Client for the stage's API. Operations go the persisted-query way (only the sha256 of
 * the generated document); outside production the full text follows when the router asks for
 * it, so a new operation works before its hash is registered. persistedDocuments is the app's
 * src/gql/persisted-documents.json; accessToken is read on every request.
 */
export function createApolloClient(
  config: WebConfig,
  persistedDocuments: PersistedDocuments,
  accessToken: () => string | undefined,
): ApolloClient {
  const auth = new SetContextLink((previous) => {
    const token = accessToken();
    return token === undefined
      ? {}
      : { headers: { ...(previous.headers as object), authorization: `Bearer ${token}` } };
  });
  const persisted = new PersistedQueryLink({
    generateHash: persistedHash,
    retry: () => config.stage !== 'production',
  });
  return new ApolloClient({
    link: ApolloLink.from([
      auth,
      persisted,
      new HttpLink({
        uri: config.apiUrl,
        print: (node, print) =>
          node.kind === Kind.DOCUMENT
            ? printPersisted(node, print, persistedDocuments)
            : print(node),
      }),
    ]),
    cache: new InMemoryCache({
      typePolicies: {
        // Pages ask for one page at a time and "load more"; edges are concatenated by cursor.
        Product: { fields: { reviews: { keyArgs: false, merge: mergeEdges } } },
        Query: { fields: { products: { keyArgs: false, merge: mergeEdges } } },
      },
    }),
  });
}

interface Connection {
  readonly edges: readonly { readonly cursor: string }[];
  readonly pageInfo: unknown;
}

// A page that starts without a cursor replaces what was cached (a refetch); a later page appends.
function mergeEdges(
  existing: Connection | undefined,
  incoming: Connection,
  { args }: { args: Record<string, unknown> | null },
): Connection {
  if (existing === undefined || args?.after == null) return incoming;
  return { ...incoming, edges: [...existing.edges, ...incoming.edges] };
}
