import { SNSClient } from '@aws-sdk/client-sns';

/**
 * An SNSClient that records each command's input and answers without a network call.
 * fauxqs (the local SNS) has no platform endpoints, so push is checked at the SDK boundary:
 * which command, with which input. Like SNS, it
 * answers CreatePlatformEndpoint for the same token with the same endpoint ARN.
 */
export function recordingSnsClient(fail?: (input: Record<string, unknown>) => Error | undefined) {
  const calls: { command: string; input: Record<string, unknown> }[] = [];
  const client = new SNSClient({
    region: 'eu-west-1',
    credentials: { accessKeyId: 'local', secretAccessKey: 'local' },
  });
  client.middlewareStack.add(
    (_next, context) => (args) => {
      const input = args.input as Record<string, unknown>;
      calls.push({ command: String(context.commandName), input });
      const error = fail?.(input);
      if (error) return Promise.reject(error);
      const output =
        context.commandName === 'CreatePlatformEndpointCommand'
          ? {
              EndpointArn: `${String(input.PlatformApplicationArn)}/endpoint-${String(input.Token)}`,
            }
          : { MessageId: `msg-${calls.length}` };
      return Promise.resolve({
        output: { ...output, $metadata: {} },
        response: {},
      });
    },
    { step: 'initialize', name: 'recordAndAnswer' },
  );
  return { client, calls };
}
