/** Bytes as KiB with one decimal, e.g. `12.3 KiB`: precise enough to compare bundles at a glance. */
export function formatKibibytes(bytes: number): string {
  return `${(bytes / 1024).toFixed(1)} KiB`;
}
