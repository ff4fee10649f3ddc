'use client';
import { useQuery } from '@apollo/client/react';
import Link from 'next/link';
import { errorText, formatPrice, StatusMessage } from '@stack/web-ui';
import { PRODUCT_LIST } from '../api/operations';
import { RatingSummary } from './RatingSummary';

/** The catalogue, newest first, twelve at a time. */
export function ProductList() {
  const { data, error, loading, fetchMore } = useQuery(PRODUCT_LIST, {
    notifyOnNetworkStatusChange: true,
  });
  if (error !== undefined) {
    return (
      <StatusMessage role="alert" title="Products could not be loaded">
        {errorText(error)}
      </StatusMessage>
    );
  }
  if (data === undefined) return <StatusMessage>Loading products…</StatusMessage>;
  const { edges, pageInfo } = data.products;
  if (edges.length === 0) return <StatusMessage>There are no products yet.</StatusMessage>;
  return (
    <>
      <ul className="product-grid">
        {edges.map(({ node }) => (
          <li key={node.id} className="card">
            <h2>
              <Link href={`/product/?id=${encodeURIComponent(node.id)}`}>{node.title}</Link>
            </h2>
            <p className="price">{formatPrice(node.priceCents, node.currency)}</p>
            <RatingSummary average={node.averageRating} count={node.ratingCount} />
          </li>
        ))}
      </ul>
      {pageInfo.hasNextPage && (
        <button
          type="button"
          disabled={loading}
          onClick={() => void fetchMore({ variables: { after: pageInfo.endCursor } })}
        >
          {loading ? 'Loading…' : 'More products'}
        </button>
      )}
    </>
  );
}
