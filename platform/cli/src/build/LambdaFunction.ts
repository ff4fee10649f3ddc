/** One Lambda function of the repository, as found in `services/<name>/src/handler.ts`. */
export interface LambdaFunction {
  /** The service folder's name; it is also the bundle's folder under the output directory. */
  readonly name: string;
  /** The handler file, relative to the repository root and with `/` separators. */
  readonly entry: string;
}
