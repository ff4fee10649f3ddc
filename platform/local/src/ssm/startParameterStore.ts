import { AwsError } from '../eventbridge/AwsError.js';
import { startAwsJsonServer, type AwsJsonServer } from '../eventbridge/startAwsJsonServer.js';

/** A parameter the local store answers, as GetParameter returns it. */
export interface LocalParameter {
  readonly value: string;
  readonly type: 'String' | 'SecureString';
}

/** Options of `startParameterStore`. */
export interface ParameterStoreOptions {
  /** The parameter of a name, or undefined when the stage has none of that name. */
  readonly lookup: (name: string) => LocalParameter | undefined;
  readonly region: string;
  readonly accountId: string;
  /** 0 (the default) picks a free port. */
  readonly port?: number;
}

/**
 * SSM Parameter Store's GetParameter (AWS JSON 1.1, `AmazonSSM.GetParameter`), so code that
 * reads a parameter with the SDK (the router's and subgraphs' shared secret) runs unchanged
 * locally with `AWS_ENDPOINT_URL_SSM` pointing here. Read-only: parameters come from the stage.
 */
export function startParameterStore(options: ParameterStoreOptions): Promise<AwsJsonServer> {
  return startAwsJsonServer({
    targetPrefix: 'AmazonSSM',
    ...(options.port !== undefined && { port: options.port }),
    handle: (operation, input) => {
      if (operation !== 'GetParameter')
        throw new AwsError(
          'UnknownOperationException',
          `${operation} is not served locally (only GetParameter)`,
        );
      const name = input['Name'];
      if (typeof name !== 'string' || name === '')
        throw new AwsError('ValidationException', 'Name must be a non-empty string');
      const parameter = options.lookup(name);
      if (!parameter) throw new AwsError('ParameterNotFound', `Parameter ${name} not found.`);
      return Promise.resolve({
        Parameter: {
          Name: name,
          Type: parameter.type,
          Value: parameter.value,
          Version: 1,
          DataType: 'text',
          ARN: `arn:aws:ssm:${options.region}:${options.accountId}:parameter${name.startsWith('/') ? '' : '/'}${name}`,
        },
      });
    },
  });
}
