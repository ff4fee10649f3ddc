import { SignInCallback } from '../../../components/SignInCallback';

export default function CallbackPage() {
  return <SignInCallback />;
}
