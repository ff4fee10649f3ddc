/** "★ 4.3 (12 ratings)", or "No ratings yet". */
export function RatingSummary({
  average,
  count,
}: {
  readonly average: number | null | undefined;
  readonly count: number;
}) {
  if (average === null || average === undefined || count === 0) {
    return <p className="muted">No ratings yet</p>;
  }
  return (
    <p className="rating-summary">
      <span aria-hidden="true">★ </span>
      <span className="visually-hidden">Average rating </span>
      {average.toFixed(1)}
      <span className="visually-hidden"> out of 5</span> ({count}{' '}
      {count === 1 ? 'rating' : 'ratings'})
    </p>
  );
}
