import type { FieldReader } from './fieldReaders.js';
import { tableChangeContract } from './tableChangeContract.js';

/** The fields of a product item that its events promise (v1). */
export interface ProductImage {
  readonly id: string;
  readonly title: string;
  readonly description: string;
  /** Price in the currency's minor unit. */
  readonly priceCents: number;
  /** ISO 4217 code. */
  readonly currency: string;
  readonly imageUrls: readonly string[];
  /** ISO 8601. */
  readonly createdAt: string;
  /** The user who listed it. */
  readonly ownerId: string;
}

function productImage(item: FieldReader): ProductImage {
  return {
    id: item.string('id'),
    title: item.string('title'),
    description: item.text('description'),
    priceCents: item.integer('priceCents', { min: 0 }),
    currency: item.string('currency'),
    imageUrls: item.strings('imageUrls'),
    createdAt: item.time('createdAt'),
    ownerId: item.string('ownerId'),
  };
}

/** `ProductCreated` from `stack.products`: a product was listed; `newImage` is the product. */
export const PRODUCT_CREATED = tableChangeContract({
  service: 'products',
  entity: 'Product',
  change: 'Created',
  version: 1,
  image: productImage,
});

/** `detail` of a parsed ProductCreated. */
export type ProductCreatedDetail = ReturnType<typeof PRODUCT_CREATED.parse>;
