import { documentClient } from '@stack/kit';
import { ProductsRepository } from '@stack/products';
import { ReviewsRepository } from '@stack/reviews';
import { UsersRepository } from '@stack/users';
import { DEMO_PRODUCTS, DEMO_REVIEWS, DEMO_USERS } from './demoData.js';

/**
 * Loads the demo data through the services' own repositories (so keys and indexes are what the
 * services write). Runs once: a table that already has the first demo product is left alone.
 */
export async function seedDemoData(tableName: string): Promise<'seeded' | 'already seeded'> {
  const client = documentClient();
  const products = new ProductsRepository(client, tableName);
  if (await products.get(DEMO_PRODUCTS[0].id)) return 'already seeded';
  const users = new UsersRepository(client, tableName);
  const start = Date.parse('2026-01-01T09:00:00.000Z');
  const at = (minutes: number) => new Date(start + minutes * 60_000).toISOString();
  for (const [index, user] of DEMO_USERS.entries()) {
    await users.ensure({ id: user.id, name: user.name, email: user.email, createdAt: at(index) });
  }
  for (const [index, product] of DEMO_PRODUCTS.entries()) {
    await products.create({ ...product, imageUrls: [] }, 'user-ada', {
      id: product.id,
      createdAt: at(100 + index),
    });
  }
  const reviews = new ReviewsRepository(client, tableName);
  for (const [index, [productId, authorId, rating, body]] of DEMO_REVIEWS.entries()) {
    await reviews.create({
      id: `review-${index + 1}`,
      productId,
      authorId,
      rating,
      body,
      createdAt: at(200 + index),
    });
  }
  return 'seeded';
}
