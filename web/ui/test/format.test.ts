import { describe, expect, it } from '@jest/globals';
import { errorText } from '../src/format/errorText.js';
import { formatPrice } from '../src/format/formatPrice.js';

describe('Function: formatPrice', () => {
  it('writes cents as the currency amount in the runtime locale', () => {
    const expected = new Intl.NumberFormat(undefined, {
      style: 'currency',
      currency: 'EUR',
    }).format(12.5);
    expect(formatPrice(1250, 'EUR')).toBe(expected);
  });

  it('falls back to the amount and the code when the currency is unknown to Intl', () => {
    expect(formatPrice(1250, 'not-a-currency')).toBe('12.50 not-a-currency');
  });
});

describe('Function: errorText', () => {
  it("uses an Error's message and stringifies anything else", () => {
    expect(errorText(new Error('network down'))).toBe('network down');
    expect(errorText('plain')).toBe('plain');
    expect(errorText(404)).toBe('404');
  });
});
