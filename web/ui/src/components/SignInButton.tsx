'use client';
import { useAuth } from '../auth/AuthContext';

/** "Sign in" or the user's name with "Sign out". */
export function SignInButton() {
  const auth = useAuth();
  if (auth.user === undefined) {
    return (
      <button type="button" onClick={() => void auth.signIn()}>
        Sign in
      </button>
    );
  }
  const name = auth.user.profile.name ?? auth.user.profile.preferred_username ?? 'you';
  return (
    <span className="signed-in">
      <span>Signed in as {name}</span>
      <button type="button" onClick={() => void auth.signOut()}>
        Sign out
      </button>
    </span>
  );
}
