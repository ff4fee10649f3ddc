import type { Item } from '@stack/kit';

/** A product as stored in the table. */
export interface ProductRecord {
  readonly id: string;
  readonly title: string;
  readonly description: string;
  readonly priceCents: number;
  readonly currency: string;
  readonly imageUrls: readonly string[];
  readonly createdAt: string;
  readonly ownerId: string;
}

/** The service name, which prefixes every key this service writes. */
export const SERVICE = 'products';
/** The entity name in keys. */
export const PRODUCT_ENTITY = 'Product';
/** The GSI partition that lists every product by creation time. */
export const ALL_PRODUCTS_PARTITION = `${SERVICE}#${PRODUCT_ENTITY}`;

/** Reads a product from a table item. */
export function productFromItem(item: Item): ProductRecord {
  return {
    id: String(item.id),
    title: String(item.title),
    description: String(item.description),
    priceCents: Number(item.priceCents),
    currency: String(item.currency),
    imageUrls: Array.isArray(item.imageUrls) ? item.imageUrls.map(String) : [],
    createdAt: String(item.createdAt),
    ownerId: String(item.ownerId),
  };
}
