import { AccountForm } from '../../components/AccountForm';

export default function AccountPage() {
  return (
    <>
      <h1>Your account</h1>
      <AccountForm />
    </>
  );
}
