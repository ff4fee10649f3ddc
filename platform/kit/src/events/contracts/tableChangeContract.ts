import type { TableChange, TableChangeDetail } from '../tableChangeEvent.js';
import { FieldReader } from './fieldReaders.js';

/** The images a change carries: Created the new one, Deleted the old one, Updated both. */
export type ImagesOf<TChange extends TableChange, TImage> = TChange extends 'Created'
  ? { readonly newImage: TImage }
  : TChange extends 'Deleted'
    ? { readonly oldImage: TImage }
    : { readonly newImage: TImage; readonly oldImage: TImage };

/** `detail` of a table change event whose images were checked against their contract. */
export type TypedTableChangeDetail<TChange extends TableChange, TImage> = Omit<
  TableChangeDetail,
  'change' | 'newImage' | 'oldImage' | 'truncated'
> & { readonly change: TChange } & ImagesOf<TChange, TImage>;

/** The contract of one table change event (`<Entity><Change>` from `stack.<service>`). */
export interface TableChangeContract<TChange extends TableChange, TImage> {
  /** `stack.<service>`. */
  readonly source: string;
  /** `<Entity><Change>`. */
  readonly detailType: string;
  /** Major version, in `detail.version`; additive changes keep it (docs/events.md). */
  readonly version: number;
  readonly service: string;
  readonly entity: string;
  readonly change: TChange;
  /** Checks a `detail` against the contract; throws EventContractError naming the field. */
  parse(detail: unknown): TypedTableChangeDetail<TChange, TImage>;
  /** Whether an event (e.g. a `QueueEvent`) has this contract's source and detail-type. */
  matches(event: { readonly source: string; readonly detailType: string }): boolean;
}

/** What defines a table change contract. */
export interface TableChangeContractSpec<TChange extends TableChange, TImage> {
  readonly service: string;
  readonly entity: string;
  readonly change: TChange;
  readonly version: number;
  /** Reads the item image; pick the contract's fields only, so added item fields pass. */
  readonly image: (item: FieldReader) => TImage;
}

/**
 * Defines the contract of a table change event: the envelope fields every such event has
 * (service, entity, change, id, keys, eventId, changedAt, version) plus the item image the
 * change carries, read by `spec.image`. A `detail` without `version` reads as version 1 (events
 * published before versions were stamped).
 */
export function tableChangeContract<TChange extends TableChange, TImage>(
  spec: TableChangeContractSpec<TChange, TImage>,
): TableChangeContract<TChange, TImage> {
  const source = `stack.${spec.service}`;
  const detailType = `${spec.entity}${spec.change}`;
  const name = `${detailType} v${spec.version}`;
  return {
    source,
    detailType,
    version: spec.version,
    service: spec.service,
    entity: spec.entity,
    change: spec.change,
    matches: (event) => event.source === source && event.detailType === detailType,
    parse(detail) {
      const reader = FieldReader.of(name, 'detail', detail);
      const version = reader.has('version') ? reader.literal('version', spec.version) : 1;
      if (version !== spec.version) {
        throw reader.fail(
          'version',
          `is missing, which means 1; this contract is v${spec.version}`,
        );
      }
      if (reader.raw('truncated') === true) {
        // Entity items are bounded far below MAX_DETAIL_BYTES, so this is a producer bug.
        throw reader.fail('truncated', 'is set: the item images were left out of the event');
      }
      const keys = reader.object('keys');
      const envelope = {
        service: reader.literal('service', spec.service),
        entity: reader.literal('entity', spec.entity),
        change: reader.literal<TChange>('change', spec.change),
        id: reader.string('id'),
        keys: { pk: keys.string('pk'), sk: keys.string('sk') },
        eventId: reader.string('eventId'),
        changedAt: reader.time('changedAt'),
        version,
        ...(reader.optionalBoolean('expired') === true && { expired: true as const }),
      };
      const images = imagesOf(spec, reader);
      return { ...envelope, ...images } as unknown as TypedTableChangeDetail<TChange, TImage>;
    },
  };
}

function imagesOf<TChange extends TableChange, TImage>(
  spec: TableChangeContractSpec<TChange, TImage>,
  reader: FieldReader,
): Record<string, TImage> {
  switch (spec.change) {
    case 'Created':
      return { newImage: spec.image(reader.object('newImage')) };
    case 'Deleted':
      return { oldImage: spec.image(reader.object('oldImage')) };
    default:
      return {
        newImage: spec.image(reader.object('newImage')),
        oldImage: spec.image(reader.object('oldImage')),
      };
  }
}
