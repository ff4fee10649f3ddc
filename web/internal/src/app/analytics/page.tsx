import { RatingsTable } from '../../components/RatingsTable';

export default function AnalyticsPage() {
  return (
    <>
      <h1>Ratings per product</h1>
      <RatingsTable />
    </>
  );
}
