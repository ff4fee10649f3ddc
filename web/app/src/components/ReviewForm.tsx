'use client';
import { useMutation } from '@apollo/client/react';
import { useState, type FormEvent } from 'react';
import { errorText, StatusMessage, useAuth } from '@stack/web-ui';
import { CREATE_REVIEW } from '../api/operations';

const MAX_BODY = 4000;

/** The form to review a product; asks to sign in first when nobody is. */
export function ReviewForm({
  productId,
  onPosted,
}: {
  readonly productId: string;
  readonly onPosted: () => void;
}) {
  const auth = useAuth();
  const [rating, setRating] = useState(5);
  const [body, setBody] = useState('');
  const [failure, setFailure] = useState<string>();
  const [posted, setPosted] = useState(false);
  const [createReview, { loading }] = useMutation(CREATE_REVIEW);
  if (auth.user === undefined) {
    return (
      <p>
        <button type="button" onClick={() => void auth.signIn()}>
          Sign in to write a review
        </button>
      </p>
    );
  }
  const submit = (event: FormEvent) => {
    event.preventDefault();
    setFailure(undefined);
    setPosted(false);
    if (body.trim() === '') return setFailure('Write a few words about the product.');
    createReview({ variables: { productId, rating, body: body.trim() } })
      .then(() => {
        setBody('');
        setPosted(true);
        onPosted();
      })
      .catch((error: unknown) => setFailure(errorText(error)));
  };
  return (
    <form className="review-form" onSubmit={submit} aria-labelledby="review-form-heading">
      <h3 id="review-form-heading">Write a review</h3>
      <label htmlFor="review-rating">Rating</label>
      <select
        id="review-rating"
        value={rating}
        onChange={(event) => setRating(Number(event.target.value))}
      >
        {[5, 4, 3, 2, 1].map((stars) => (
          <option key={stars} value={stars}>
            {stars} {stars === 1 ? 'star' : 'stars'}
          </option>
        ))}
      </select>
      <label htmlFor="review-body">Your review</label>
      <textarea
        id="review-body"
        value={body}
        maxLength={MAX_BODY}
        rows={4}
        required
        onChange={(event) => setBody(event.target.value)}
      />
      {failure !== undefined && (
        <StatusMessage role="alert" title="The review was not posted">
          {failure}
        </StatusMessage>
      )}
      {posted && <StatusMessage>Thanks, your review is posted.</StatusMessage>}
      <button type="submit" disabled={loading}>
        {loading ? 'Posting…' : 'Post review'}
      </button>
    </form>
  );
}
