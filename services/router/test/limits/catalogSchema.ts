import { buildSchema } from 'graphql';

/**
 * A small schema shaped like our supergraph: products, reviews and users behind connections,
 * with the same page-size defaults (`first: Int = 20` for products, `= 10` for reviews).
 */
export const catalogSchema = buildSchema(/* GraphQL */ `
  type Query {
    products(first: Int = 20, after: String): ProductConnection!
    product(id: ID!): Product
    me: User
    search(text: String!): [SearchResult!]!
  }

  union SearchResult = Product | User

  type PageInfo {
    hasNextPage: Boolean!
    endCursor: String
  }

  type ProductConnection {
    edges: [ProductEdge!]!
    pageInfo: PageInfo!
  }

  type ProductEdge {
    cursor: String!
    node: Product!
  }

  type Product {
    id: ID!
    title: String!
    tags: [String!]!
    reviews(first: Int = 10, after: String): ReviewConnection!
    related: [Product!]!
    owner: User!
  }

  type ReviewConnection {
    totalCount: Int!
    edges: [ReviewEdge!]!
    pageInfo: PageInfo!
  }

  type ReviewEdge {
    cursor: String!
    node: Review!
  }

  type Review {
    id: ID!
    rating: Int!
    body: String
    author: User!
    product: Product!
  }

  type User {
    id: ID!
    name: String!
    reviews(first: Int = 10, after: String): ReviewConnection!
  }
`);
