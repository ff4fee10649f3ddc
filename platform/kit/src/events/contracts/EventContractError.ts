/**
 * An event or message that does not match its contract: names the event, its version and the
 * field at fault. A worker should let it fail the record, so it ends in the DLQ for a look.
 */
export class EventContractError extends Error {
  constructor(
    /** `<detail-type> v<version>` (or the message type) that was being parsed. */
    readonly contract: string,
    /** Path of the offending field, e.g. `detail.newImage.rating`. */
    readonly field: string,
    problem: string,
  ) {
    super(`${contract}: ${field} ${problem}`);
    this.name = 'EventContractError';
  }
}
