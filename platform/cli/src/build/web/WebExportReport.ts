/** The size of one web app's static export, as `stack build` prints it. */
export interface WebExportReport {
  /** The app's folder, e.g. web/app. */
  readonly app: string;
  readonly files: number;
  readonly bytes: number;
  /** The sum of each file gzipped on its own (zlib's default level), as a CDN would send them. */
  readonly gzipBytes: number;
}

/** The web apps `stack build` exports, relative to the repository root. */
export const WEB_APPS = ['web/app', 'web/internal'] as const;
