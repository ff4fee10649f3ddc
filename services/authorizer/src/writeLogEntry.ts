import type { AuthorizerLogEntry } from './AuthorizerLogEntry.js';

/** Writes a log entry as one JSON line, which CloudWatch Logs Insights can query by field. */
export function writeLogEntry(entry: AuthorizerLogEntry): void {
  const line = JSON.stringify(entry);
  if (entry.level === 'error') console.error(line);
  else console.warn(line);
}
