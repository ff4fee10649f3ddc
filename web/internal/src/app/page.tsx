import { ModerationList } from '../components/ModerationList';

export default function ModerationPage() {
  return (
    <>
      <h1>Review moderation</h1>
      <ModerationList />
    </>
  );
}
