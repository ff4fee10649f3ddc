import { badUserInput } from '@stack/kit';

/** The longest review body, in characters. */
export const MAX_BODY = 4000;

/** Validates `createReview` input; throws BAD_USER_INPUT naming the argument. */
export function validateReviewInput(input: { rating: number; body: string }): {
  rating: number;
  body: string;
} {
  if (!Number.isInteger(input.rating) || input.rating < 1 || input.rating > 5) {
    throw badUserInput(
      `"rating" must be a whole number from 1 to 5, got ${input.rating}.`,
      'rating',
    );
  }
  const body = input.body.trim();
  if (body.length < 1) throw badUserInput('"body" must not be empty.', 'body');
  if (body.length > MAX_BODY) {
    throw badUserInput(
      `"body" must be at most ${MAX_BODY} characters, got ${body.length}.`,
      'body',
    );
  }
  return { rating: input.rating, body };
}
