import { pageSize, requireAdmin, toConnection, type Resolvers } from '@stack/kit';
import { productFromItem, type ProductRecord } from './ProductRecord.js';
import type { ProductsContext } from './ProductsContext.js';
import { validateProductInput, type CreateProductInput } from './validateProductInput.js';

export const resolvers: Resolvers<ProductsContext> = {
  Query: {
    async product(_root, args: { id: string }, context) {
      return (await context.products.get(args.id)) ?? null;
    },
    async products(_root, args: { first?: number | null; after?: string | null }, context) {
      const page = await context.products.list(pageSize(args.first, 20), args.after);
      return toConnection(page, productFromItem);
    },
  },
  Mutation: {
    async createProduct(_root, args: { input: CreateProductInput }, context) {
      const ownerId = requireAdmin(context.identity);
      return context.products.create(validateProductInput(args.input), ownerId);
    },
  },
  Product: {
    async __resolveReference(reference: { id: string }, context: ProductsContext) {
      return (await context.products.get(reference.id)) ?? null;
    },
    owner(product: ProductRecord) {
      return { __typename: 'User', id: product.ownerId };
    },
    async ratingCount(product: ProductRecord, _args: unknown, context: ProductsContext) {
      return (await context.ratings.get(product.id)).ratingCount;
    },
    async averageRating(product: ProductRecord, _args: unknown, context: ProductsContext) {
      return (await context.ratings.get(product.id)).averageRating;
    },
  },
};
