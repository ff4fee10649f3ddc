import { SignInCallback } from '@stack/web-ui';

export default function CallbackPage() {
  return <SignInCallback />;
}
