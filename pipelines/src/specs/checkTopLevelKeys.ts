import type { PathSegment } from './SpecDocument.js';
import { describeValue } from './describeInputError.js';
import { isRecord } from './isRecord.js';
import { didYouMean } from './suggestNames.js';

/** Reports a problem at a path in a spec file; `at` says whether the key or its value is wrong. */
export type ReportProblem = (path: PathSegment[], message: string, at?: 'key' | 'value') => void;

/** The top-level shape every spec kind (EnvironmentSpec, ServiceSpec) shares. */
export interface TopLevelShape {
  /** Every key the file may have. */
  readonly keys: readonly string[];
  /** The keys it must have. */
  readonly required: readonly string[];
  /** The value of `proton`, e.g. `EnvironmentSpec`. */
  readonly kind: string;
  /** A one-line example of a missing key, for its error. */
  readonly example: (key: string) => string;
}

/**
 * Checks a spec file's top level: a map, no unknown keys (with a did-you-mean), no missing
 * keys, and the right `proton` kind. Returns the map when it is one, so the caller goes on to
 * the fields of its own kind.
 */
export function checkTopLevelKeys(
  data: unknown,
  shape: TopLevelShape,
  report: ReportProblem,
): Record<string, unknown> | undefined {
  if (!isRecord(data)) {
    report(
      [],
      `the file must hold a map with the keys ${shape.keys.join(', ')}; got ${describeValue(data)}`,
    );
    return undefined;
  }
  for (const key of Object.keys(data)) {
    if (!shape.keys.includes(key)) {
      const hint =
        didYouMean(key, shape.keys) ||
        ` (the keys are ${shape.keys.join(', ')}; inputs go under spec)`;
      report([key], `unknown key "${key}"${hint}`, 'key');
    }
  }
  for (const key of shape.required) {
    if (data[key] === undefined) report([key], `missing; ${shape.example(key)}`);
  }
  if (data.proton !== undefined && data.proton !== shape.kind) {
    report(['proton'], `must be "${shape.kind}", got ${describeValue(data.proton)}`);
  }
  return data;
}
