'use client';
import { ApolloProvider } from '@apollo/client/react';
import type { User, UserManager } from 'oidc-client-ts';
import { useEffect, useMemo, useRef, useState, type ReactNode } from 'react';
import { createApolloClient, type PersistedDocuments } from '../api/createApolloClient';
import { AuthContext, type AuthState } from '../auth/AuthContext';
import { createUserManager, signOutRedirectUrl } from '../auth/createUserManager';
import { loadWebConfig } from '../config/parseWebConfig';
import type { WebConfig } from '../config/WebConfig';
import { StatusMessage } from './StatusMessage';

type Loaded =
  | { readonly state: 'loading' }
  | { readonly state: 'failed'; readonly message: string }
  | {
      readonly state: 'ready';
      readonly config: WebConfig;
      readonly userManager: UserManager;
      readonly user: User | undefined;
    };

/**
 * Loads /config.json and the stored sign-in, then provides auth and the API client. Each app
 * passes its own persisted documents (src/gql/persisted-documents.json) from a client module, so
 * the list is bundled once instead of serialized into every page.
 */
export function AppProviders({
  persistedDocuments,
  children,
}: {
  readonly persistedDocuments: PersistedDocuments;
  readonly children: ReactNode;
}) {
  const [loaded, setLoaded] = useState<Loaded>({ state: 'loading' });
  useEffect(() => {
    loadWebConfig()
      .then(async (config) => {
        // One manager for the page's life: it also runs the automatic renewal.
        const userManager = createUserManager(config);
        setLoaded({ state: 'ready', config, userManager, user: await storedUser(userManager) });
      })
      .catch((error: unknown) =>
        setLoaded({
          state: 'failed',
          message: error instanceof Error ? error.message : String(error),
        }),
      );
  }, []);
  if (loaded.state === 'loading') return <StatusMessage>Loading…</StatusMessage>;
  if (loaded.state === 'failed') {
    return (
      <StatusMessage role="alert" title="The app could not start">
        {loaded.message}
      </StatusMessage>
    );
  }
  return (
    <ConfiguredProviders
      config={loaded.config}
      userManager={loaded.userManager}
      persistedDocuments={persistedDocuments}
      initialUser={loaded.user}
    >
      {children}
    </ConfiguredProviders>
  );
}

/**
 * The signed-in user kept in this tab, renewed with its refresh token when the access token
 * expired while the tab was away; undefined when there is none or the renewal fails.
 */
async function storedUser(userManager: UserManager): Promise<User | undefined> {
  const user = await userManager.getUser();
  if (!user) return undefined;
  if (!user.expired) return user;
  if (!user.refresh_token) return undefined;
  try {
    return (await userManager.signinSilent()) ?? undefined;
  } catch {
    await userManager.removeUser();
    return undefined;
  }
}

function ConfiguredProviders({
  config,
  userManager,
  persistedDocuments,
  initialUser,
  children,
}: {
  readonly config: WebConfig;
  readonly userManager: UserManager;
  readonly persistedDocuments: PersistedDocuments;
  readonly initialUser: User | undefined;
  readonly children: ReactNode;
}) {
  const [user, setUser] = useState(initialUser);
  const token = useRef(initialUser?.access_token);
  token.current = user?.access_token;
  const client = useMemo(
    () => createApolloClient(config, persistedDocuments, () => token.current),
    [config, persistedDocuments],
  );
  useEffect(() => {
    // A renewed token replaces the old one for the next request; the cache stays (same user).
    const renewed = (next: User) => {
      token.current = next.access_token;
      setUser(next);
    };
    // Renewal failed and the token ran out: the user is signed out, and their data is dropped.
    const expired = () => {
      token.current = undefined;
      setUser(undefined);
      void userManager.removeUser();
      void client.clearStore();
    };
    userManager.events.addUserLoaded(renewed);
    userManager.events.addAccessTokenExpired(expired);
    return () => {
      userManager.events.removeUserLoaded(renewed);
      userManager.events.removeAccessTokenExpired(expired);
    };
  }, [userManager, client]);
  const auth = useMemo<AuthState>(
    () => ({
      user,
      userManager,
      signIn: () =>
        userManager.signinRedirect({
          state: { returnTo: window.location.pathname + window.location.search },
        }),
      signOut: async () => {
        await userManager.removeUser();
        setUser(undefined);
        await client.clearStore();
        // Then the hosted UI forgets its session too, and sends the browser back to `/`.
        const signOutUrl = signOutRedirectUrl(config, window.location.origin);
        if (signOutUrl !== undefined) window.location.assign(signOutUrl);
      },
      setUser: (next) => {
        token.current = next?.access_token;
        setUser(next);
        void client.resetStore();
      },
    }),
    [user, userManager, client, config],
  );
  return (
    <AuthContext.Provider value={auth}>
      <ApolloProvider client={client}>{children}</ApolloProvider>
    </AuthContext.Provider>
  );
}
