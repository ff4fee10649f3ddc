'use client';
import { useMutation, useQuery } from '@apollo/client/react';
import { useEffect, useState, type FormEvent } from 'react';
import { errorText, StatusMessage, useAuth } from '@stack/web-ui';
import { ACCOUNT, UPDATE_ME } from '../api/operations';

/** The signed-in user's profile: display name and email notifications. */
export function AccountForm() {
  const auth = useAuth();
  const { data, error } = useQuery(ACCOUNT, { skip: auth.user === undefined });
  const [updateMe, { loading }] = useMutation(UPDATE_ME);
  const [name, setName] = useState('');
  const [notifications, setNotifications] = useState(true);
  const [saved, setSaved] = useState(false);
  const [failure, setFailure] = useState<string>();
  const me = data?.me;
  useEffect(() => {
    if (me) {
      setName(me.name);
      setNotifications(me.emailNotifications);
    }
  }, [me]);
  if (auth.user === undefined) {
    return (
      <p>
        <button type="button" onClick={() => void auth.signIn()}>
          Sign in to see your account
        </button>
      </p>
    );
  }
  if (error !== undefined) {
    return (
      <StatusMessage role="alert" title="Your account could not be loaded">
        {errorText(error)}
      </StatusMessage>
    );
  }
  if (data === undefined) return <StatusMessage>Loading your account…</StatusMessage>;
  const submit = (event: FormEvent) => {
    event.preventDefault();
    setSaved(false);
    setFailure(undefined);
    if (name.trim() === '') return setFailure('Your name cannot be empty.');
    updateMe({ variables: { input: { name: name.trim(), emailNotifications: notifications } } })
      .then(() => setSaved(true))
      .catch((reason: unknown) => setFailure(errorText(reason)));
  };
  return (
    <form className="account-form" onSubmit={submit}>
      {me?.email && <p>Signed in with {me.email}</p>}
      <label htmlFor="account-name">Display name</label>
      <input
        id="account-name"
        value={name}
        maxLength={80}
        required
        autoComplete="name"
        onChange={(event) => setName(event.target.value)}
      />
      <label className="checkbox">
        <input
          type="checkbox"
          checked={notifications}
          onChange={(event) => setNotifications(event.target.checked)}
        />
        Email me when my products get reviews
      </label>
      {failure !== undefined && (
        <StatusMessage role="alert" title="Not saved">
          {failure}
        </StatusMessage>
      )}
      {saved && <StatusMessage>Saved.</StatusMessage>}
      <button type="submit" disabled={loading}>
        {loading ? 'Saving…' : 'Save'}
      </button>
    </form>
  );
}
