// Every operation of the internal app. `npm run codegen` types them and records their sha256 in
// src/gql/persisted-documents.json, the list the router trusts.
import { graphql } from '../gql';

// Page sizes stay under the router's query cost limit (5000): products × reviews per product.

/** Products with their latest reviews, for moderation. */
export const MODERATION = graphql(`
  query Moderation {
    products(first: 20) {
      edges {
        node {
          id
          title
          reviews(first: 10) {
            edges {
              node {
                id
                rating
                body
                createdAt
                author {
                  id
                  name
                }
              }
            }
            pageInfo {
              hasNextPage
            }
          }
        }
      }
    }
  }
`);

/** Ratings per product for the analytics view (kept by the analytics service). */
export const ANALYTICS = graphql(`
  query Analytics {
    products(first: 100) {
      edges {
        node {
          id
          title
          ratingCount
          averageRating
        }
      }
      pageInfo {
        hasNextPage
      }
    }
  }
`);

export const DELETE_REVIEW = graphql(`
  mutation ModerateReview($id: ID!) {
    deleteReview(id: $id)
  }
`);

export const CREATE_PRODUCT = graphql(`
  mutation CreateProduct($input: CreateProductInput!) {
    createProduct(input: $input) {
      id
      title
    }
  }
`);
