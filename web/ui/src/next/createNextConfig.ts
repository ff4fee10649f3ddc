import type { NextConfig } from 'next';

/**
 * The Next settings both apps build with. Next loads next.config.ts outside the app's bundler, so
 * this file may import only types.
 */
export function createNextConfig(): NextConfig {
  return {
    // A static export: one build serves every stage, which finds its API and sign-in settings in
    // /config.json at run time (see docs/web.md).
    output: 'export',
    // /product/ → product/index.html, so any static file server (S3, the local cloud) finds pages.
    trailingSlash: true,
    images: { unoptimized: true },
    // `tsc -b` and eslint check the code in `npm test`/`npm run lint`; the build only bundles.
    typescript: { ignoreBuildErrors: true },
    reactStrictMode: true,
    // This package is TypeScript source; Next compiles it with the app's own settings.
    transpilePackages: ['@stack/web-ui'],
  };
}
