// Every operation of the app. `npm run codegen` types them and records their sha256 in
// src/gql/persisted-documents.json, the list the router trusts.
import { graphql } from '../gql';

/** Products on the list page, a page at a time. */
export const PRODUCT_LIST = graphql(`
  query ProductList($after: String) {
    products(first: 12, after: $after) {
      edges {
        cursor
        node {
          id
          title
          priceCents
          currency
          averageRating
          ratingCount
        }
      }
      pageInfo {
        hasNextPage
        endCursor
      }
    }
  }
`);

/** One product with a page of its reviews. */
export const PRODUCT_PAGE = graphql(`
  query ProductPage($id: ID!, $after: String) {
    product(id: $id) {
      id
      title
      description
      priceCents
      currency
      averageRating
      ratingCount
      reviews(first: 5, after: $after) {
        edges {
          cursor
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
          endCursor
        }
      }
    }
  }
`);

/** Who is signed in, to know which reviews are theirs. */
export const VIEWER = graphql(`
  query Viewer {
    me {
      id
      name
    }
  }
`);

/** The account page's profile. */
export const ACCOUNT = graphql(`
  query Account {
    me {
      id
      name
      email
      emailNotifications
    }
  }
`);

export const CREATE_REVIEW = graphql(`
  mutation CreateReview($productId: ID!, $rating: Int!, $body: String!) {
    createReview(productId: $productId, rating: $rating, body: $body) {
      id
    }
  }
`);

export const DELETE_REVIEW = graphql(`
  mutation DeleteReview($id: ID!) {
    deleteReview(id: $id)
  }
`);

export const UPDATE_ME = graphql(`
  mutation UpdateMe($input: UpdateMeInput!) {
    updateMe(input: $input) {
      id
      name
      emailNotifications
    }
  }
`);
