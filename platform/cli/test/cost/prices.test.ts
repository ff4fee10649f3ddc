import { describe, expect, it } from '@jest/globals';
import { loadPrices, type PriceEntry } from '../../src/cost/Prices.js';

describe('Data: prices.json', () => {
  it('states its region, currency and the month the prices were checked', () => {
    // Act
    const prices = loadPrices();

    // Assess
    expect(prices.region).toMatch(/^[a-z]{2}-[a-z]+-\d$/);
    expect(prices.currency).toBe('USD');
    expect(prices.date).toMatch(/^\d{4}-\d{2}$/);
    expect(prices.hoursPerMonth).toBe(730);
  });

  it('gives every price a positive amount, a unit and a source', () => {
    // Prepare
    const prices = loadPrices();
    const entries: [string, PriceEntry][] = Object.entries({ ...prices.fixed, ...prices.requests });

    // Assess
    expect(entries.length).toBeGreaterThan(20);
    for (const [name, entry] of entries) {
      expect({
        name,
        price: entry.price > 0,
        unit: entry.unit.length > 5,
        source: /^https:\/\/aws\.amazon\.com\/[a-z0-9/-]+$/.test(entry.source),
      }).toEqual({ name, price: true, unit: true, source: true });
    }
  });

  it('uses the DynamoDB on-demand prices of after the November 2024 reduction', () => {
    // Act
    const { requests } = loadPrices();

    // Assess
    expect(requests.dynamoDbReadRequestUnits.price).toBe(0.125);
    expect(requests.dynamoDbWriteRequestUnits.price).toBe(0.625);
  });

  it('lists each idle-free resource type once', () => {
    // Act
    const { types } = loadPrices().noFixedCost;

    // Assess
    expect(new Set(types).size).toBe(types.length);
  });
});
