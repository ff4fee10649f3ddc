'use client';
import { createContext, useContext } from 'react';
import type { User, UserManager } from 'oidc-client-ts';

/** The signed-in user (if any) and the sign-in actions, for every page. */
export interface AuthState {
  readonly user: User | undefined;
  readonly userManager: UserManager;
  /** Sends the browser to the hosted UI; comes back to the current page. */
  signIn(): Promise<void>;
  /** Forgets the tokens of this tab. */
  signOut(): Promise<void>;
  /** Called by the callback page once the code is exchanged. */
  setUser(user: User | undefined): void;
}

export const AuthContext = createContext<AuthState | undefined>(undefined);

/** The auth state; only inside AppProviders. */
export function useAuth(): AuthState {
  const auth = useContext(AuthContext);
  if (auth === undefined) throw new Error('useAuth is used outside AppProviders');
  return auth;
}
