export * from './worker.js';
export * from './applyRatingChange.js';
export * from './ProductRatingRecord.js';
