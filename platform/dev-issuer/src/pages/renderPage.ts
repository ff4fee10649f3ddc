const ESCAPES: Readonly<Record<string, string>> = {
  '&': '&amp;',
  '<': '&lt;',
  '>': '&gt;',
  '"': '&quot;',
  "'": '&#39;',
};

/** Escapes text for HTML element content and quoted attribute values. */
export function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, (character) => ESCAPES[character] ?? character);
}

// Inline on purpose: the CSP allows no external resources, and the page must work offline.
const STYLE = `
  :root { color-scheme: light dark; font-family: system-ui, sans-serif; line-height: 1.5; }
  body { margin: 0; padding: 2rem 1rem; background: Canvas; color: CanvasText; }
  main { max-width: 32rem; margin: 0 auto; }
  h1 { font-size: 1.5rem; margin: 0 0 1rem; }
  code { font-size: 0.95em; overflow-wrap: anywhere; }
  fieldset { border: 1px solid GrayText; border-radius: 0.5rem; padding: 1rem; margin: 1.5rem 0 0; }
  legend { font-weight: 600; padding: 0 0.25rem; }
  ul { list-style: none; margin: 0; padding: 0; display: grid; gap: 0.75rem; }
  button { width: 100%; font: inherit; text-align: left; padding: 0.75rem 1rem; border-radius: 0.5rem;
    border: 2px solid #1a5fb4; background: #1a5fb4; color: #fff; cursor: pointer; }
  button:hover { background: #174f96; }
  button:focus-visible { outline: 3px solid #e66100; outline-offset: 3px; }
  .error { border-left: 4px solid #c01c28; padding-left: 1rem; }
`;

/** A complete HTML document: English, with a `<main>` landmark around `main` (already-escaped HTML). */
export function renderPage(title: string, main: string): string {
  return `<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<meta name="robots" content="noindex">
<title>${escapeHtml(title)}</title>
<style>${STYLE}</style>
</head>
<body>
<main>
${main}
</main>
</body>
</html>
`;
}
