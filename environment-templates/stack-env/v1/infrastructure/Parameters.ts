import { ParameterTier, StringParameter } from 'aws-cdk-lib/aws-ssm';
import { Construct } from 'constructs';
import {
  ENVIRONMENT_PARAMETERS,
  type StringEnvironmentParameter,
} from './environmentParameters.js';

/** The values to publish. */
export interface ParametersProps {
  /** The environment's stage: the parameters live under `/stack/<stage>/`. */
  readonly stageName: string;
  /** Value of each parameter to publish; parameters left out are not created. */
  readonly values: Partial<Readonly<Record<StringEnvironmentParameter, string>>>;
}

/**
 * Publishes the environment's values as SSM String parameters (standard tier: free) under the
 * names of ENVIRONMENT_PARAMETERS, for service instances and the pipeline to read.
 */
export class Parameters extends Construct {
  /** The created parameters, by key. */
  readonly parameters: Readonly<Partial<Record<StringEnvironmentParameter, StringParameter>>>;

  constructor(scope: Construct, id: string, props: ParametersProps) {
    super(scope, id);
    const names = ENVIRONMENT_PARAMETERS(props.stageName);
    const parameters: Partial<Record<StringEnvironmentParameter, StringParameter>> = {};
    for (const [key, value] of Object.entries(props.values) as [
      StringEnvironmentParameter,
      string,
    ][]) {
      parameters[key] = new StringParameter(this, key, {
        parameterName: names[key],
        stringValue: value,
        tier: ParameterTier.STANDARD,
      });
    }
    this.parameters = parameters;
  }
}
