/** A parameter's value, with an empty value counted as absent (OAuth 2.0 §3.1). */
export function present(params: URLSearchParams, name: string): string | undefined {
  const value = params.get(name);
  return value === null || value === '' ? undefined : value;
}

/** The first of `names` sent more than once, which OAuth 2.0 §3.1 forbids; undefined if none. */
export function firstRepeated(
  params: URLSearchParams,
  names: readonly string[],
): string | undefined {
  return names.find((name) => params.getAll(name).length > 1);
}
