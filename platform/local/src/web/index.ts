export { startWebApps, type WebApps, type WebAppsOptions } from './startWebApps.js';
export { startStaticSite, type StaticSite, type StaticSiteOptions } from './startStaticSite.js';
export { localWebConfig, type LocalWebConfig } from './webConfig.js';
