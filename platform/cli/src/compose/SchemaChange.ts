/** How much a schema change can hurt existing clients, as graphql-inspector rates it. */
export type Criticality = 'BREAKING' | 'DANGEROUS' | 'NON_BREAKING';

/** Every criticality, worst first; reports list groups in this order. */
export const CRITICALITIES: readonly Criticality[] = ['BREAKING', 'DANGEROUS', 'NON_BREAKING'];

/** One change between two API schemas. */
export interface SchemaChange {
  criticality: Criticality;
  /** graphql-inspector's change type, e.g. FIELD_REMOVED. */
  type: string;
  message: string;
  /** Schema coordinate of the change, e.g. `User.name`, when it has one. */
  path: string | undefined;
}

/** Changes between two API schemas, grouped by criticality. */
export type SchemaChangeReport = Record<Criticality, SchemaChange[]>;
