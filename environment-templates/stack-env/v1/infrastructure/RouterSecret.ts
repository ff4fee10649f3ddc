import { Validations } from 'aws-cdk-lib';
import { Secret } from 'aws-cdk-lib/aws-secretsmanager';
import { Construct } from 'constructs';
import { removalPolicyFor } from './retention.js';

/** Inputs of the router's shared secret. */
export interface RouterSecretProps {
  /** RETAIN the secret when true. */
  readonly retainData: boolean;
}

/**
 * The secret the router signs forwarded identities with and subgraphs verify
 * (ROUTER_SHARED_SECRET, docs/graphql.md). Secrets Manager generates it at deploy time, so it is
 * never in git, in cdk.out or in the template; it costs $0.40/month.
 *
 * Functions receive it as an environment variable through a CloudFormation dynamic reference
 * (`{{resolve:secretsmanager:…}}`), because @stack/kit reads ROUTER_SHARED_SECRET from the
 * environment: no Secrets Manager call at cold start, no extra latency or per-call charge. The
 * price is that the value is visible to whoever may read the functions' configuration
 * (lambda:GetFunctionConfiguration) — principals who can already change the functions' code.
 */
export class RouterSecret extends Construct {
  /** The generated secret; its ARN is published for service instances. */
  readonly secret: Secret;

  constructor(scope: Construct, id: string, props: RouterSecretProps) {
    super(scope, id);
    this.secret = new Secret(this, 'Secret', {
      description: 'Router-to-subgraph identity signing key (HMAC-SHA256)',
      // 64 characters of letters and digits: over 380 bits, and nothing a shell or an
      // environment variable could mangle. @stack/kit requires at least 32.
      generateSecretString: { passwordLength: 64, excludePunctuation: true },
      removalPolicy: removalPolicyFor(props.retainData),
    });
    Validations.of(this.secret).acknowledge({
      id: 'AwsSolutions-SMG4',
      reason:
        'The value is resolved into Lambda environment variables at deploy time, so automatic rotation would leave the router and the subgraphs on different keys until every stack redeploys. Rotation is a manual, planned step (docs/environment-template.md).',
    });
  }

  /**
   * The value as a deploy-time dynamic reference, for an environment variable. Only for
   * ROUTER_SHARED_SECRET: see the class comment for what that exposes.
   */
  valueForEnvironment(): string {
    return this.secret.secretValue.unsafeUnwrap();
  }
}
