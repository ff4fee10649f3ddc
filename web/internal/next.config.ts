import type { NextConfig } from 'next';

// A static export: one build serves every stage, which finds its API and sign-in settings in
// /config.json at run time (see docs/web.md).
const config: NextConfig = {
  output: 'export',
  // /product/ → product/index.html, so any static file server (S3, the local cloud) finds pages.
  trailingSlash: true,
  images: { unoptimized: true },
  // `tsc -b` and eslint check the code in `npm test`/`npm run lint`; the build only bundles.
  typescript: { ignoreBuildErrors: true },
  reactStrictMode: true,
};

export default config;
