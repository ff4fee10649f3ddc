/** The demo users of the local stage; the dev issuer signs them in by these ids. */
export const DEMO_USERS = [
  {
    id: 'user-ada',
    username: 'ada',
    name: 'Ada Admin',
    email: 'ada@example.com',
    groups: ['admin'],
  },
  {
    id: 'user-alice',
    username: 'alice',
    name: 'Alice Andersen',
    email: 'alice@example.com',
    groups: [],
  },
  { id: 'user-bob', username: 'bob', name: 'Bob Berg', email: 'bob@example.com', groups: [] },
  {
    id: 'user-carol',
    username: 'carol',
    name: 'Carol Cruz',
    email: 'carol@example.com',
    groups: [],
  },
] as const;

/** The demo catalogue, listed by the admin. */
export const DEMO_PRODUCTS = [
  {
    id: 'prod-kettle',
    title: 'Stovetop kettle',
    description: 'A whistling steel kettle for gas and induction hobs.',
    priceCents: 3900,
    currency: 'EUR',
  },
  {
    id: 'prod-grinder',
    title: 'Burr coffee grinder',
    description: 'Forty grind settings, from espresso to cold brew.',
    priceCents: 12900,
    currency: 'EUR',
  },
  {
    id: 'prod-mug',
    title: 'Stoneware mug',
    description: 'Hand-glazed, 350 ml, dishwasher safe.',
    priceCents: 1800,
    currency: 'EUR',
  },
  {
    id: 'prod-scale',
    title: 'Pour-over scale',
    description: 'Weighs to 0.1 g with a built-in timer.',
    priceCents: 4900,
    currency: 'EUR',
  },
  {
    id: 'prod-dripper',
    title: 'Ceramic dripper',
    description: 'A cone dripper for size 02 filters.',
    priceCents: 2500,
    currency: 'EUR',
  },
  {
    id: 'prod-tin',
    title: 'Airtight coffee tin',
    description: 'Keeps 250 g of beans fresh with a one-way valve.',
    priceCents: 2200,
    currency: 'EUR',
  },
] as const;

/** The demo reviews: [product, author, rating, body]. */
export const DEMO_REVIEWS: readonly (readonly [string, string, number, string])[] = [
  [
    'prod-kettle',
    'user-alice',
    5,
    'Boils fast and the whistle is loud enough to hear from the garden.',
  ],
  ['prod-kettle', 'user-bob', 4, 'Handle gets warm, otherwise great.'],
  ['prod-grinder', 'user-carol', 5, 'Consistent grind; my espresso finally tastes right.'],
  ['prod-grinder', 'user-alice', 3, 'Works well but it is noisy.'],
  ['prod-mug', 'user-bob', 5, 'Keeps coffee warm and feels good in the hand.'],
  ['prod-scale', 'user-carol', 4, 'Accurate. The timer starts on its own when you pour.'],
  ['prod-dripper', 'user-alice', 4, 'Even extraction, easy to clean.'],
  ['prod-dripper', 'user-bob', 2, 'Cracked after a month of daily use.'],
];
