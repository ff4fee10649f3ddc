'use client';
import { useRouter } from 'next/navigation';
import { useEffect, useRef, useState } from 'react';
import { useAuth } from '../auth/AuthContext';
import { StatusMessage } from './StatusMessage';

/** Exchanges the authorization code for tokens, then returns to the page sign-in started from. */
export function SignInCallback() {
  const auth = useAuth();
  const router = useRouter();
  const [error, setError] = useState<string>();
  // A code can be exchanged once; React's strict mode runs effects twice in development.
  const started = useRef(false);
  useEffect(() => {
    if (started.current) return;
    started.current = true;
    auth.userManager
      .signinRedirectCallback()
      .then((user) => {
        auth.setUser(user);
        const state = user.state as { returnTo?: unknown } | undefined;
        const returnTo = typeof state?.returnTo === 'string' ? state.returnTo : '/';
        // Only paths of this app, never another origin.
        router.replace(returnTo.startsWith('/') && !returnTo.startsWith('//') ? returnTo : '/');
      })
      .catch((reason: unknown) =>
        setError(reason instanceof Error ? reason.message : String(reason)),
      );
  }, [auth, router]);
  if (error !== undefined) {
    return (
      <StatusMessage role="alert" title="Sign-in failed">
        {error}. Try signing in again.
      </StatusMessage>
    );
  }
  return <StatusMessage>Signing you in…</StatusMessage>;
}
