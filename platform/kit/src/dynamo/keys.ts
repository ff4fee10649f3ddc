/** The primary key of one item. */
export interface ItemKey {
  readonly pk: string;
  readonly sk: string;
}

/**
 * The key of an entity item: `pk = <service>#<Entity>#<id>`, `sk = <Entity>`. The service
 * prefix is what `dynamodb:LeadingKeys` restricts each service's role to.
 */
export function entityKey(service: string, entity: string, id: string): ItemKey {
  return { pk: `${service}#${entity}#${id}`, sk: entity };
}

/** The partition of a collection owned by a service, e.g. `reviews#ProductReviews#p1`. */
export function collectionKey(service: string, collection: string, ownerId: string): string {
  return `${service}#${collection}#${ownerId}`;
}

/** A sort key that orders items by time then id, so equal timestamps stay distinct. */
export function timeOrderedKey(createdAt: string, id: string): string {
  return `${createdAt}#${id}`;
}
