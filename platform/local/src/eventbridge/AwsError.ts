/**
 * An error the local endpoint answers in the AWS JSON protocol's shape,
 * `{ "__type": type, "message": message }`, so SDK clients raise it by name.
 */
export class AwsError extends Error {
  constructor(
    readonly type: string,
    message: string,
    readonly statusCode = 400,
  ) {
    super(message);
    this.name = type;
  }
}

/** AWS's wording for a request field that failed the API model's constraints. */
export function validationError(reason: string): AwsError {
  return new AwsError('ValidationException', `1 validation error detected: ${reason}`);
}
