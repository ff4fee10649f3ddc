/** Request headers by lower-case name (API Gateway lower-cases them; other callers may not). */
export function headerLookup(
  headers: Readonly<Record<string, string | undefined>>,
): Map<string, string> {
  const lookup = new Map<string, string>();
  for (const [name, value] of Object.entries(headers))
    if (value !== undefined) lookup.set(name.toLowerCase(), value);
  return lookup;
}
