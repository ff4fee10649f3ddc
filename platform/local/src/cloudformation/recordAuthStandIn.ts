import type { LocalStageModel } from './LocalStageModel.js';

/** The dev issuer as the stage's Cognito user pool: its issuer URL and the client id it accepts. */
export interface AuthStandIn {
  readonly issuer: string;
  readonly clientId: string;
}

/**
 * Records the dev issuer as what the templates' Cognito resources answer, so a function's
 * variables that name the user pool resolve to it: `Fn::GetAtt <pool>.ProviderURL` (the
 * authorizer's AUTH_ISSUER) to the issuer URL, `Ref <app client>` (AUTH_CLIENT_IDS) to the one
 * client id the dev issuer signs tokens for.
 */
export function recordAuthStandIn(model: LocalStageModel, auth: AuthStandIn): void {
  for (const pool of model.resourcesOfType('AWS::Cognito::UserPool'))
    model.record(pool, {
      attributes: { ProviderURL: auth.issuer, ProviderName: new URL(auth.issuer).host },
    });
  for (const client of model.resourcesOfType('AWS::Cognito::UserPoolClient'))
    model.record(client, { ref: auth.clientId });
}
