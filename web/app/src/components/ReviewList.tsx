'use client';
import { useMutation, useQuery } from '@apollo/client/react';
import { useState } from 'react';
import { errorText, StatusMessage, useAuth } from '@stack/web-ui';
import { DELETE_REVIEW, VIEWER } from '../api/operations';

interface ReviewItem {
  readonly id: string;
  readonly rating: number;
  readonly body: string;
  readonly createdAt: string;
  readonly author: { readonly id: string; readonly name: string };
}

/** Reviews, newest first; the signed-in author can delete their own. */
export function ReviewList({
  reviews,
  onDeleted,
}: {
  readonly reviews: readonly ReviewItem[];
  readonly onDeleted: () => void;
}) {
  const { user } = useAuth();
  const viewer = useQuery(VIEWER, { skip: user === undefined });
  const [deleteReview, deletion] = useMutation(DELETE_REVIEW);
  const [failure, setFailure] = useState<string>();
  const myId = user === undefined ? undefined : viewer.data?.me?.id;
  if (reviews.length === 0)
    return <StatusMessage>No reviews yet. Be the first to write one.</StatusMessage>;
  return (
    <>
      {failure !== undefined && (
        <StatusMessage role="alert" title="The review could not be deleted">
          {failure}
        </StatusMessage>
      )}
      <ul className="reviews">
        {reviews.map((review) => (
          <li key={review.id} className="review">
            <p className="rating" aria-label={`${review.rating} out of 5 stars`}>
              {'★'.repeat(review.rating)}
              {'☆'.repeat(5 - review.rating)}
            </p>
            <p className="review-body">{review.body}</p>
            <p className="byline">
              {review.author.name} ·{' '}
              <time dateTime={review.createdAt}>
                {new Date(review.createdAt).toLocaleDateString()}
              </time>
            </p>
            {myId !== undefined && review.author.id === myId && (
              <button
                type="button"
                className="danger"
                disabled={deletion.loading}
                onClick={() => {
                  setFailure(undefined);
                  deleteReview({ variables: { id: review.id } })
                    .then(onDeleted)
                    .catch((error: unknown) => setFailure(errorText(error)));
                }}
              >
                Delete my review
              </button>
            )}
          </li>
        ))}
      </ul>
    </>
  );
}
