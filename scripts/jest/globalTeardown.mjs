// Stops the DynamoDB Local started by globalSetup.mjs.
export default async function globalTeardown() {
  await globalThis.__stackDynamoDbLocal?.stop();
}
