/** A cache hint: how long, and for whom, a response may be cached. */
export interface CacheHint {
  maxAge?: number;
  scope?: 'PUBLIC' | 'PRIVATE';
}

/**
 * The cache policy of one operation's response, which data sources may restrict (the gateway
 * hands it to them as `overallCachePolicy`). Unrestricted, a response is not cacheable.
 */
export class CachePolicy implements CacheHint {
  maxAge?: number;
  scope?: 'PUBLIC' | 'PRIVATE';

  /** Lowers maxAge to the hint's and makes the scope PRIVATE once anything asks for it. */
  restrict(hint: CacheHint): void {
    if (hint.maxAge !== undefined && (this.maxAge === undefined || hint.maxAge < this.maxAge))
      this.maxAge = hint.maxAge;
    if (hint.scope !== undefined && this.scope !== 'PRIVATE') this.scope = hint.scope;
  }

  replace(hint: CacheHint): void {
    if (hint.maxAge !== undefined) this.maxAge = hint.maxAge;
    if (hint.scope !== undefined) this.scope = hint.scope;
  }

  policyIfCacheable(): Required<CacheHint> | null {
    if (this.maxAge === undefined || this.maxAge === 0) return null;
    return { maxAge: this.maxAge, scope: this.scope ?? 'PUBLIC' };
  }
}
