import { badUserInput } from '@stack/kit';

/** `createProduct` input after validation. */
export interface NewProduct {
  readonly title: string;
  readonly description: string;
  readonly priceCents: number;
  readonly currency: string;
  readonly imageUrls: readonly string[];
}

/** The raw `CreateProductInput`. */
export interface CreateProductInput {
  readonly title: string;
  readonly description: string;
  readonly priceCents: number;
  readonly currency: string;
  readonly imageUrls?: readonly string[] | null;
}

/** Validates `createProduct` input; throws BAD_USER_INPUT naming the field. */
export function validateProductInput(input: CreateProductInput): NewProduct {
  const title = input.title.trim();
  if (title.length < 1 || title.length > 200) {
    throw badUserInput(`"title" must be 1-200 characters, got ${title.length}.`, 'title');
  }
  if (input.description.length > 10_000) {
    throw badUserInput(
      `"description" must be at most 10000 characters, got ${input.description.length}.`,
      'description',
    );
  }
  if (
    !Number.isInteger(input.priceCents) ||
    input.priceCents < 0 ||
    input.priceCents > 1_000_000_000
  ) {
    throw badUserInput(
      `"priceCents" must be a whole number from 0 to 1000000000, got ${input.priceCents}.`,
      'priceCents',
    );
  }
  if (!/^[A-Z]{3}$/.test(input.currency)) {
    throw badUserInput(
      `"currency" must be an ISO-4217 code such as EUR, got "${input.currency}".`,
      'currency',
    );
  }
  const imageUrls = input.imageUrls ?? [];
  if (imageUrls.length > 10)
    throw badUserInput(`"imageUrls" holds at most 10 URLs, got ${imageUrls.length}.`, 'imageUrls');
  imageUrls.forEach((value, index) => {
    if (!isHttpsUrl(value))
      throw badUserInput(`"imageUrls[${index}]" must be an https URL.`, 'imageUrls');
  });
  return {
    title,
    description: input.description,
    priceCents: input.priceCents,
    currency: input.currency,
    imageUrls,
  };
}

function isHttpsUrl(value: string): boolean {
  try {
    return new URL(value).protocol === 'https:' && value.length <= 2048;
  } catch {
    return false;
  }
}
