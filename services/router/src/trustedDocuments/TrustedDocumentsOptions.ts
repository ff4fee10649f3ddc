/** How the router treats persisted (trusted) documents. */
export interface TrustedDocumentsOptions {
  /** sha256 hex of each document's text → the text: the web apps' persisted documents. */
  readonly documents: ReadonlyMap<string, string>;
  /**
   * Execute only documents of the manifest, refusing any other with OPERATION_NOT_TRUSTED
   * (production); false accepts ad-hoc queries too (development, integration, local).
   */
  readonly trustedOnly: boolean;
}
