/** A message for an error from the API or the network, for an alert. */
export function errorText(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}
