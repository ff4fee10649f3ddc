import { composeServices } from '@apollo/composition';
import { createSubgraph, type BaseContext, type Resolvers, type Subgraph } from '@stack/kit';
import { parse } from 'graphql';

const LINK =
  'extend schema @link(url: "https://specs.apollo.dev/federation/v2.7", import: ["@key"])\n';

/** Two small in-memory subgraphs (no table) and their composed supergraph, for router tests. */
export function fakeSupergraph(options: { slowReviewsMs?: number; failReviews?: boolean } = {}) {
  const books =
    LINK +
    'type Book @key(fields: "id") { id: ID! title: String! } type Query { book(id: ID!): Book secret: String }';
  const reviews =
    LINK +
    'type Book @key(fields: "id") { id: ID! stars: Int! } type Query { whoAmI: String } type Mutation { rate(id: ID!, stars: Int!): Int! }';
  const booksResolvers: Resolvers<BaseContext> = {
    Query: {
      book: (_root, args: { id: string }) => ({ id: args.id, title: `Title ${args.id}` }),
      secret: () => {
        throw new Error('database password is hunter2');
      },
    },
    Book: {
      __resolveReference: (ref: { id: string }) => ({ id: ref.id, title: `Title ${ref.id}` }),
    },
  };
  const reviewsResolvers: Resolvers<BaseContext> = {
    Query: {
      whoAmI: async (_root, _args, context: BaseContext) => {
        if (options.slowReviewsMs)
          await new Promise((resolve) => setTimeout(resolve, options.slowReviewsMs).unref());
        return context.identity.userId ?? 'anonymous';
      },
    },
    Mutation: {
      rate: (_root, args: { id: string; stars: number }) => args.stars,
    },
    Book: {
      __resolveReference: (ref: { id: string }) => ref,
      stars: async () => {
        if (options.failReviews) throw new Error('reviews table unavailable');
        if (options.slowReviewsMs)
          await new Promise((resolve) => setTimeout(resolve, options.slowReviewsMs).unref());
        return 4;
      },
    },
  };
  const subgraphs = new Map<string, Subgraph>([
    [
      'books',
      createSubgraph({
        name: 'books',
        typeDefs: books,
        resolvers: booksResolvers,
        createContext: (base) => base,
      }),
    ],
    [
      'reviews',
      createSubgraph({
        name: 'reviews',
        typeDefs: reviews,
        resolvers: reviewsResolvers,
        createContext: (base) => base,
      }),
    ],
  ]);
  const composed = composeServices([
    { name: 'books', typeDefs: parse(books), url: 'http://books' },
    { name: 'reviews', typeDefs: parse(reviews), url: 'http://reviews' },
  ]);
  if (composed.errors) throw new Error(composed.errors.map((error) => error.message).join('\n'));
  return { subgraphs, supergraphSdl: composed.supergraphSdl };
}
