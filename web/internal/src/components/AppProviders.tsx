'use client';
import { ApolloProvider } from '@apollo/client/react';
import type { User } from 'oidc-client-ts';
import { useEffect, useMemo, useRef, useState, type ReactNode } from 'react';
import { createApolloClient } from '../api/createApolloClient';
import { AuthContext, type AuthState } from '../auth/AuthContext';
import { createUserManager } from '../auth/createUserManager';
import { loadWebConfig } from '../config/parseWebConfig';
import type { WebConfig } from '../config/WebConfig';
import { StatusMessage } from './StatusMessage';

type Loaded =
  | { readonly state: 'loading' }
  | { readonly state: 'failed'; readonly message: string }
  | { readonly state: 'ready'; readonly config: WebConfig; readonly user: User | undefined };

/** Loads /config.json and the stored sign-in, then provides auth and the API client. */
export function AppProviders({ children }: { readonly children: ReactNode }) {
  const [loaded, setLoaded] = useState<Loaded>({ state: 'loading' });
  useEffect(() => {
    loadWebConfig()
      .then(async (config) => {
        const user = await createUserManager(config).getUser();
        setLoaded({
          state: 'ready',
          config,
          user: user?.expired ? undefined : (user ?? undefined),
        });
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
    <ConfiguredProviders config={loaded.config} initialUser={loaded.user}>
      {children}
    </ConfiguredProviders>
  );
}

function ConfiguredProviders({
  config,
  initialUser,
  children,
}: {
  readonly config: WebConfig;
  readonly initialUser: User | undefined;
  readonly children: ReactNode;
}) {
  const [user, setUser] = useState(initialUser);
  const token = useRef(initialUser?.access_token);
  token.current = user?.access_token;
  const userManager = useMemo(() => createUserManager(config), [config]);
  const client = useMemo(() => createApolloClient(config, () => token.current), [config]);
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
      },
      setUser: (next) => {
        token.current = next?.access_token;
        setUser(next);
        void client.resetStore();
      },
    }),
    [user, userManager, client],
  );
  return (
    <AuthContext.Provider value={auth}>
      <ApolloProvider client={client}>{children}</ApolloProvider>
    </AuthContext.Provider>
  );
}
