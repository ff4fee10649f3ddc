import type { IncomingMessage } from 'node:http';

/** The fields of a form body, or the status and reason it was refused. */
export type FormRead =
  | { readonly ok: true; readonly params: URLSearchParams }
  | { readonly ok: false; readonly status: 413 | 415; readonly message: string };

// Far above any real OAuth form, low enough that a stray upload cannot eat memory.
const MAX_FORM_BYTES = 64 * 1024;

/** Reads an `application/x-www-form-urlencoded` body, the only encoding OAuth endpoints take. */
export async function readForm(request: IncomingMessage): Promise<FormRead> {
  const type = (request.headers['content-type'] ?? '').split(';')[0]?.trim().toLowerCase();
  if (type !== 'application/x-www-form-urlencoded') {
    return {
      ok: false,
      status: 415,
      message: `the body must be application/x-www-form-urlencoded, got ${type === '' ? 'no content type' : String(type)}`,
    };
  }
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of request) {
    const bytes = chunk as Buffer;
    size += bytes.length;
    if (size > MAX_FORM_BYTES) {
      return { ok: false, status: 413, message: `the body is larger than ${MAX_FORM_BYTES} bytes` };
    }
    chunks.push(bytes);
  }
  return { ok: true, params: new URLSearchParams(Buffer.concat(chunks).toString('utf8')) };
}
