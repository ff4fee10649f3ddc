'use client';
import { usePathname } from 'next/navigation';
import type { ReactNode } from 'react';
import { CALLBACK_PATH, useAuth } from '@stack/web-ui';
import { groupsOf } from '../auth/groupsOf';

/** The Cognito group whose members may use this app; the API enforces the same rule. */
export const ADMIN_GROUP = 'admin';

/** Shows the page to admins only: others get a sign-in prompt or a clear "no access" page. */
export function AdminGate({ children }: { readonly children: ReactNode }) {
  const auth = useAuth();
  const path = usePathname();
  // The callback page must run to finish signing in.
  if (path === CALLBACK_PATH || `${path}/` === CALLBACK_PATH) {
    return <>{children}</>;
  }
  if (auth.user === undefined) {
    return (
      <>
        <h1>Sign in</h1>
        <p>This app is for the team&apos;s admins. Sign in with an admin account.</p>
        <button type="button" onClick={() => void auth.signIn()}>
          Sign in
        </button>
      </>
    );
  }
  if (!groupsOf(auth.user).includes(ADMIN_GROUP)) {
    return (
      <>
        <h1>No access</h1>
        <p role="alert">
          You are signed in, but not as a member of the <code>{ADMIN_GROUP}</code> group, so this
          app has nothing for you. Ask an admin to add you, or sign out and sign in as an admin.
        </p>
      </>
    );
  }
  return <>{children}</>;
}
