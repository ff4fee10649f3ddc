import { randomBytes } from 'node:crypto';
import type { LocalStageModel } from '../cloudformation/LocalStageModel.js';
import type { LocalParameter } from './startParameterStore.js';

/** The variable naming the SSM SecureString that holds the router's shared secret. */
const SECRET_PARAMETER_VARIABLE = 'ROUTER_SHARED_SECRET_PARAMETER';

/**
 * What the local parameter store answers: each SecureString the functions' variables name as
 * the router's shared secret, with a secret made for this start (in the cloud a deploy-time
 * custom resource makes it), and the stage's own `AWS::SSM::Parameter` values, resolved to
 * local names when asked for.
 */
export function stageParameters(
  model: LocalStageModel,
  environments: Iterable<Readonly<Record<string, string>>>,
): (name: string) => LocalParameter | undefined {
  const secrets = new Map<string, LocalParameter>();
  for (const environment of environments) {
    const name = environment[SECRET_PARAMETER_VARIABLE];
    if (name !== undefined && !secrets.has(name))
      secrets.set(name, { type: 'SecureString', value: randomBytes(32).toString('base64url') });
  }
  const defined = new Set(
    model.resourcesOfType('AWS::SSM::Parameter').map((parameter) => parameter.name),
  );
  return (name) =>
    secrets.get(name) ??
    (defined.has(name) ? { type: 'String', value: model.ssmParameter(name) } : undefined);
}
