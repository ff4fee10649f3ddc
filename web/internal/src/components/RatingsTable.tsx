'use client';
import { useQuery } from '@apollo/client/react';
import { errorText, StatusMessage } from '@stack/web-ui';
import { ANALYTICS } from '../api/operations';

/** Rating count and average rating per product, as the analytics service keeps them. */
export function RatingsTable() {
  const { data, error } = useQuery(ANALYTICS);
  if (error !== undefined) {
    return (
      <StatusMessage role="alert" title="Ratings could not be loaded">
        {errorText(error)}
      </StatusMessage>
    );
  }
  if (data === undefined) return <StatusMessage>Loading ratings…</StatusMessage>;
  const products = data.products.edges.map((edge) => edge.node);
  if (products.length === 0) return <StatusMessage>There are no products yet.</StatusMessage>;
  return (
    <table>
      <caption className="muted">
        The newest {products.length} products
        {data.products.pageInfo.hasNextPage ? ' (more exist)' : ''}; counts trail new reviews by a
        moment.
      </caption>
      <thead>
        <tr>
          <th scope="col">Product</th>
          <th scope="col">Ratings</th>
          <th scope="col">Average rating</th>
        </tr>
      </thead>
      <tbody>
        {products.map((product) => (
          <tr key={product.id}>
            <th scope="row">{product.title}</th>
            <td>{product.ratingCount}</td>
            <td>
              {product.averageRating === null || product.averageRating === undefined
                ? '—'
                : product.averageRating.toFixed(1)}
            </td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}
