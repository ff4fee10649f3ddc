const HTTP_WHITESPACE = /^[\t\n\r ]+|[\t\n\r ]+$/g;
const TOKEN = /^[!#$%&'*+\-.^_`|~0-9A-Za-z]+$/;

/**
 * The `type/subtype` of a Content-Type value, lower-cased, parameters dropped; null when it is
 * not a MIME type (parsed as the WHATWG MIME Sniffing standard does, like Apollo Server).
 */
export function mimeEssence(value: string): string | null {
  const text = value.replace(HTTP_WHITESPACE, '');
  const slash = text.indexOf('/');
  if (slash < 0) return null;
  const type = text.slice(0, slash);
  const semicolon = text.indexOf(';', slash + 1);
  const subtype = text
    .slice(slash + 1, semicolon < 0 ? undefined : semicolon)
    .replace(/[\t\n\r ]+$/, '');
  if (!TOKEN.test(type) || !TOKEN.test(subtype)) return null;
  return `${type.toLowerCase()}/${subtype.toLowerCase()}`;
}
