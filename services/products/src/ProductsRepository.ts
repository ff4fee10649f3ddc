import { PutCommand, type DynamoDBDocumentClient } from '@aws-sdk/lib-dynamodb';
import { entityKey, entityLoader, queryPage, timeOrderedKey, type Page } from '@stack/kit';
import { randomUUID } from 'node:crypto';
import {
  ALL_PRODUCTS_PARTITION,
  PRODUCT_ENTITY,
  productFromItem,
  SERVICE,
  type ProductRecord,
} from './ProductRecord.js';
import type { NewProduct } from './validateProductInput.js';

/** Table access of the products service. One instance per request: its loader caches. */
export class ProductsRepository {
  private readonly loader;

  constructor(
    private readonly client: DynamoDBDocumentClient,
    private readonly tableName: string,
  ) {
    this.loader = entityLoader({
      client,
      tableName,
      service: SERVICE,
      entity: PRODUCT_ENTITY,
      fromItem: productFromItem,
    });
  }

  /** A product by id (batched with every other lookup of the same tick). */
  async get(id: string): Promise<ProductRecord | undefined> {
    return this.loader.load(id);
  }

  /** One page of all products, newest first: one Query on the GSI. */
  async list(first: number, after?: string | null): Promise<Page> {
    return queryPage({
      client: this.client,
      tableName: this.tableName,
      index: 'gsi1',
      partition: ALL_PRODUCTS_PARTITION,
      first,
      after,
    });
  }

  /** Stores a new product; the id is generated unless given (seeding). */
  async create(
    product: NewProduct,
    ownerId: string,
    options: { id?: string; createdAt?: string } = {},
  ): Promise<ProductRecord> {
    const record: ProductRecord = {
      ...product,
      id: options.id ?? randomUUID(),
      createdAt: options.createdAt ?? new Date().toISOString(),
      ownerId,
    };
    await this.client.send(
      new PutCommand({
        TableName: this.tableName,
        Item: {
          ...entityKey(SERVICE, PRODUCT_ENTITY, record.id),
          gsi1pk: ALL_PRODUCTS_PARTITION,
          gsi1sk: timeOrderedKey(record.createdAt, record.id),
          ...record,
        },
        ConditionExpression: 'attribute_not_exists(pk)',
      }),
    );
    this.loader.prime(record.id, record);
    return record;
  }
}
