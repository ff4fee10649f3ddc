'use client';
import { useMutation, useQuery } from '@apollo/client/react';
import { useState } from 'react';
import { errorText, StatusMessage } from '@stack/web-ui';
import { DELETE_REVIEW, MODERATION } from '../api/operations';

/** Each product with its ten latest reviews; an admin can delete any of them. */
export function ModerationList() {
  const { data, error, refetch } = useQuery(MODERATION);
  const [deleteReview, deletion] = useMutation(DELETE_REVIEW);
  const [failure, setFailure] = useState<string>();
  if (error !== undefined) {
    return (
      <StatusMessage role="alert" title="Reviews could not be loaded">
        {errorText(error)}
      </StatusMessage>
    );
  }
  if (data === undefined) return <StatusMessage>Loading reviews…</StatusMessage>;
  const products = data.products.edges.map((edge) => edge.node);
  if (products.length === 0) return <StatusMessage>There are no products yet.</StatusMessage>;
  return (
    <>
      {failure !== undefined && (
        <StatusMessage role="alert" title="The review was not deleted">
          {failure}
        </StatusMessage>
      )}
      {products.map((product) => (
        <section key={product.id} aria-labelledby={`product-${product.id}`}>
          <h2 id={`product-${product.id}`}>{product.title}</h2>
          {product.reviews.edges.length === 0 ? (
            <p className="muted">No reviews.</p>
          ) : (
            <ul className="reviews">
              {product.reviews.edges.map(({ node: review }) => (
                <li key={review.id} className="review">
                  <p>
                    <strong>{review.rating}/5</strong> {review.body}
                  </p>
                  <p className="byline">
                    {review.author.name} ·{' '}
                    <time dateTime={review.createdAt}>
                      {new Date(review.createdAt).toLocaleString()}
                    </time>
                  </p>
                  <button
                    type="button"
                    className="danger"
                    disabled={deletion.loading}
                    aria-label={`Delete review by ${review.author.name}: ${review.body.slice(0, 40)}`}
                    onClick={() => {
                      setFailure(undefined);
                      deleteReview({ variables: { id: review.id } })
                        .then(() => refetch())
                        .catch((reason: unknown) => setFailure(errorText(reason)));
                    }}
                  >
                    Delete
                  </button>
                </li>
              ))}
            </ul>
          )}
          {product.reviews.pageInfo.hasNextPage && (
            <p className="muted">Only the ten latest reviews are shown.</p>
          )}
        </section>
      ))}
    </>
  );
}
