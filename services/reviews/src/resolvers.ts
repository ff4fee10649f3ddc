import { forbidden, isAdmin, notFound, pageSize, requireUserId, type Resolvers } from '@stack/kit';
import type { ReviewRecord } from './ReviewRecord.js';
import type { ReviewsContext } from './ReviewsContext.js';
import { validateReviewInput } from './validateReviewInput.js';

interface PageArgs {
  readonly first?: number | null;
  readonly after?: string | null;
}

/** Shapes a list of reviews with their cursors as a GraphQL connection. */
function connection(page: { reviews: ReviewRecord[]; cursors: string[]; hasNextPage: boolean }) {
  return {
    edges: page.reviews.map((node, index) => ({ node, cursor: page.cursors[index] ?? '' })),
    pageInfo: { hasNextPage: page.hasNextPage, endCursor: page.cursors.at(-1) ?? null },
  };
}

export const resolvers: Resolvers<ReviewsContext> = {
  Query: {
    async review(_root, args: { id: string }, context) {
      return (await context.reviews.get(args.id)) ?? null;
    },
  },
  Mutation: {
    async createReview(_root, args: { productId: string; rating: number; body: string }, context) {
      const authorId = requireUserId(context.identity);
      const input = validateReviewInput(args);
      const review = await context.reviews.create({
        productId: args.productId,
        authorId,
        ...input,
      });
      await context.notifier.reviewPosted(review, context.logger);
      return review;
    },
    async deleteReview(_root, args: { id: string }, context) {
      const userId = requireUserId(context.identity);
      const review = await context.reviews.get(args.id);
      if (!review) throw notFound('Review', args.id);
      if (review.authorId !== userId && !isAdmin(context.identity)) {
        throw forbidden('Only the author of a review or an admin may delete it.');
      }
      await context.reviews.delete(review);
      return review.id;
    },
  },
  Review: {
    async __resolveReference(reference: { id: string }, context: ReviewsContext) {
      return (await context.reviews.get(reference.id)) ?? null;
    },
    author: (review: ReviewRecord) => ({ __typename: 'User', id: review.authorId }),
    product: (review: ReviewRecord) => ({ __typename: 'Product', id: review.productId }),
  },
  Product: {
    __resolveReference: (reference: { id: string }) => reference,
    async reviews(product: { id: string }, args: PageArgs, context: ReviewsContext) {
      return connection(
        await context.reviews.listForProduct(product.id, pageSize(args.first, 10), args.after),
      );
    },
  },
  User: {
    __resolveReference: (reference: { id: string }) => reference,
    async reviews(user: { id: string }, args: PageArgs, context: ReviewsContext) {
      return connection(
        await context.reviews.listForAuthor(user.id, pageSize(args.first, 10), args.after),
      );
    },
  },
};
