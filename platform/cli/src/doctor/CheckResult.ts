/** The outcome of one prerequisite check of `stack doctor`. */
export interface CheckResult {
  /** Short name of what was checked, e.g. `java`. */
  readonly name: string;
  /** True when the prerequisite is present and usable. */
  readonly ok: boolean;
  /** What was found (a version, a path) or what is wrong. */
  readonly detail: string;
  /** What needs it, so a user can judge whether it matters to them. */
  readonly neededFor: string;
  /** How to fix it; present whenever `ok` is false. */
  readonly fix?: string;
}
