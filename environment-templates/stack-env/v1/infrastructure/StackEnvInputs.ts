/**
 * The inputs of stack-env@1 after validation against schema/schema.yaml, with every default
 * applied. The schema file is the source of truth for users; this type mirrors it for code.
 */
export interface StackEnvInputs {
  /** Public DNS name of the environment; no hosted zone is created. */
  readonly domain?: string;
  /** multi: one environment for every customer; single: dedicated to `tenant`. */
  readonly tenancy: 'multi' | 'single';
  /** Required when tenancy is single. */
  readonly tenant?: string;
  /** Put a WAF web ACL on the API's CloudFront distribution (paid). */
  readonly waf: boolean;
  /** No VPC, an isolated VPC, or a VPC with a NAT gateway (paid). */
  readonly network: 'none' | 'isolated' | 'nat';
  /** Create the CloudWatch dashboard. */
  readonly dashboard: boolean;
  /** Create the alarms on the alarm topic. */
  readonly alarms: boolean;
  /** Email address subscribed to the alarm topic. */
  readonly alarmEmail?: string;
  /** Keep data (PITR, deletion protection, RETAIN); false for disposable previews. */
  readonly retainData: boolean;
  /** Days to keep logs; one of CloudWatch Logs' retention periods. */
  readonly logRetentionDays: number;
  /** How the router reaches subgraphs: Lambda invoke, or in process (not deployable yet). */
  readonly subgraphTopology: 'distributed' | 'colocated';
  /** Host the public and internal web apps on S3 + CloudFront. */
  readonly hosting: boolean;
  /** The router executes only the web apps' persisted (trusted) documents. */
  readonly trustedDocumentsOnly: boolean;
  /** SNS platform application ARNs for push; an absent platform has push off. */
  readonly pushPlatforms?: {
    readonly apns?: string;
    readonly apnsSandbox?: string;
    readonly fcm?: string;
  };
}
