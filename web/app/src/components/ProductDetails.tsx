'use client';
import { useQuery } from '@apollo/client/react';
import { useSearchParams } from 'next/navigation';
import { errorText, formatPrice, StatusMessage } from '@stack/web-ui';
import { PRODUCT_PAGE } from '../api/operations';
import { RatingSummary } from './RatingSummary';
import { ReviewForm } from './ReviewForm';
import { ReviewList } from './ReviewList';

/** The product named by ?id=, its reviews, and the form to write one. */
export function ProductDetails() {
  const id = useSearchParams().get('id') ?? '';
  const { data, error, loading, fetchMore, refetch } = useQuery(PRODUCT_PAGE, {
    variables: { id },
    skip: id === '',
    notifyOnNetworkStatusChange: true,
  });
  if (id === '') {
    return (
      <StatusMessage role="alert">No product chosen: open a product from the list.</StatusMessage>
    );
  }
  if (error !== undefined) {
    return (
      <StatusMessage role="alert" title="The product could not be loaded">
        {errorText(error)}
      </StatusMessage>
    );
  }
  if (data === undefined) return <StatusMessage>Loading the product…</StatusMessage>;
  const product = data.product;
  if (product === null || product === undefined) {
    return <StatusMessage role="alert">There is no product with id {id}.</StatusMessage>;
  }
  const { edges, pageInfo } = product.reviews;
  return (
    <article>
      <h1>{product.title}</h1>
      <p className="price">{formatPrice(product.priceCents, product.currency)}</p>
      <RatingSummary average={product.averageRating} count={product.ratingCount} />
      <p>{product.description}</p>
      <section aria-labelledby="reviews-heading">
        <h2 id="reviews-heading">Reviews</h2>
        <ReviewForm productId={product.id} onPosted={() => void refetch({ id, after: null })} />
        <ReviewList
          reviews={edges.map((edge) => edge.node)}
          onDeleted={() => void refetch({ id, after: null })}
        />
        {pageInfo.hasNextPage && (
          <button
            type="button"
            disabled={loading}
            onClick={() => void fetchMore({ variables: { id, after: pageInfo.endCursor } })}
          >
            {loading ? 'Loading…' : 'More reviews'}
          </button>
        )}
      </section>
    </article>
  );
}
