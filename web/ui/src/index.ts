// What the public and internal web apps share. Each app compiles this package from source
// (Next's transpilePackages), so nothing here is built on its own.
export { createApolloClient } from './api/createApolloClient';
export type { PersistedDocuments } from './api/createApolloClient';
export { AuthContext, useAuth } from './auth/AuthContext';
export type { AuthState } from './auth/AuthContext';
export { CALLBACK_PATH, createUserManager } from './auth/createUserManager';
export { AppProviders } from './components/AppProviders';
export { SignInButton } from './components/SignInButton';
export { SignInCallback } from './components/SignInCallback';
export { SiteLayout } from './components/SiteLayout';
export { StatusMessage } from './components/StatusMessage';
export { loadWebConfig, parseWebConfig } from './config/parseWebConfig';
export type { WebConfig } from './config/WebConfig';
export { errorText } from './format/errorText';
export { formatPrice } from './format/formatPrice';
