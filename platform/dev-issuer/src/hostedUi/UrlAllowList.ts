import { isLoopbackUrl } from '../http/isLoopbackUrl.js';

/**
 * The URLs the issuer may send a browser back to: an exact list, as an app client's allowed
 * callback or sign-out URLs are matched in Cognito, or, without one, any URL on this machine.
 */
export class UrlAllowList {
  readonly #exact: ReadonlySet<string> | undefined;
  readonly #option: string;

  /** `option` names the DevIssuer option the list came from, for messages that say how to fix it. */
  constructor(exact: readonly string[] | undefined, option: string) {
    this.#option = option;
    if (exact === undefined) return;
    for (const url of exact) {
      const problem = shapeProblem(url);
      if (problem !== undefined) throw new Error(`DevIssuer option ${option}: ${problem}`);
    }
    this.#exact = new Set(exact);
  }

  /** Why the browser may not be sent to `candidate`, or undefined when it may. */
  refusal(candidate: string): string | undefined {
    const problem = shapeProblem(candidate);
    if (problem !== undefined) return problem;
    if (this.#exact === undefined) {
      return isLoopbackUrl(new URL(candidate))
        ? undefined
        : `"${candidate}" is not on this machine: without the ${this.#option} option only http(s) URLs on localhost, 127.0.0.1 or [::1] are allowed`;
    }
    return this.#exact.has(candidate)
      ? undefined
      : `"${candidate}" is not one of the allowed URLs (${[...this.#exact].join(', ')}); it must match one exactly, or be added to the ${this.#option} option of DevIssuer.start`;
  }
}

function shapeProblem(url: string): string | undefined {
  let parsed: URL;
  try {
    parsed = new URL(url);
  } catch {
    return `"${url}" is not an absolute URL`;
  }
  // RFC 6749 §3.1.2: a redirection endpoint URI must not include a fragment.
  if (parsed.hash !== '' || url.includes('#'))
    return `"${url}" has a fragment (#…), which OAuth forbids`;
  return undefined;
}
