import { documentClient } from '@stack/kit';
import { DEMO_USERS } from '@stack/local';
import { ProductsRepository } from '@stack/products';
import { ReviewsRepository } from '@stack/reviews';
import { UsersRepository } from '@stack/users';

/** How many bench products to add, and how many reviews each gets. */
export interface CatalogueOptions {
  readonly tableName: string;
  readonly products: number;
  readonly reviewsPerProduct: number;
  /** Products are dated before this instant, so demo data (if any) stays newest. */
  readonly before?: string;
  /** How many products are written at the same time. */
  readonly concurrency?: number;
}

/** What was seeded, for the expected table-call counts. */
export interface SeededCatalogue {
  readonly productIds: readonly string[];
  readonly reviews: number;
  readonly authorIds: readonly string[];
}

const DEFAULT_BEFORE = '2026-01-01T00:00:00.000Z';

/**
 * Adds bench products, each with reviews by the demo users, through the services' own
 * repositories (so keys and the reviews' recent index are what the services write). The
 * demo users are created if missing, so authors resolve. Ids and dates are deterministic.
 */
export async function seedCatalogue(options: CatalogueOptions): Promise<SeededCatalogue> {
  const client = documentClient();
  const users = new UsersRepository(client, options.tableName);
  for (const [index, user] of DEMO_USERS.entries()) {
    await users.ensure({
      id: user.id,
      name: user.name,
      email: user.email,
      createdAt: new Date(Date.parse(DEFAULT_BEFORE) - (index + 1) * 86_400_000).toISOString(),
    });
  }
  const before = Date.parse(options.before ?? DEFAULT_BEFORE);
  // One minute apart, oldest first, ending an hour before `before`.
  const at = (minutes: number) => new Date(before - 3_600_000 - minutes * 60_000).toISOString();
  const productIds = Array.from(
    { length: options.products },
    (_, index) => `bench-product-${String(index + 1).padStart(4, '0')}`,
  );
  const authorIds = new Set<string>();
  let next = 0;
  // Products are seeded in parallel, each product's reviews one after another: concurrent
  // reviews of one product would only fight over its recent index (TransactionConflict).
  const worker = async () => {
    const products = new ProductsRepository(client, options.tableName);
    const reviews = new ReviewsRepository(client, options.tableName);
    for (let index = next++; index < productIds.length; index = next++) {
      const id = productIds[index] ?? '';
      const base = (productIds.length - index) * 10;
      await products.create(
        {
          title: `Bench product ${index + 1}`,
          description: 'Seeded by npm run bench.',
          priceCents: 1000 + index,
          currency: 'EUR',
          imageUrls: [],
        },
        'user-ada',
        { id, createdAt: at(base) },
      );
      for (let review = 0; review < options.reviewsPerProduct; review += 1) {
        const author = DEMO_USERS[(index + review) % DEMO_USERS.length]?.id ?? 'user-alice';
        authorIds.add(author);
        await reviews.create({
          id: `${id}-review-${review + 1}`,
          productId: id,
          authorId: author,
          rating: 1 + ((index + review) % 5),
          body: `Bench review ${review + 1} of product ${index + 1}.`,
          createdAt: at(base - review - 1),
        });
      }
    }
  };
  await Promise.all(Array.from({ length: options.concurrency ?? 8 }, () => worker()));
  return {
    productIds,
    reviews: productIds.length * options.reviewsPerProduct,
    authorIds: [...authorIds].sort(),
  };
}
