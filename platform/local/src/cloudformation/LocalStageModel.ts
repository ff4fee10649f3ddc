import type { AssemblyStack, TemplateResource } from './readCloudAssembly.js';
import {
  resolveIntrinsics,
  resolveString,
  UnresolvableIntrinsicError,
  type IntrinsicContext,
  type TemplateValue,
} from './resolveIntrinsics.js';

/** A resource of the stage, with the stack it is in. */
export interface StageResource {
  readonly stack: AssemblyStack;
  readonly logicalId: string;
  readonly resource: TemplateResource;
  /** Its local physical name (the template's explicit name, else `<stack name>-<logical id>`). */
  readonly name: string;
}

/** What provisioning learned about a resource: what `Ref` and `Fn::GetAtt` answer. */
export interface ResourceFacts {
  readonly ref?: string;
  readonly attributes?: Readonly<Record<string, string>>;
}

// The property holding a resource's explicit physical name, per type.
const NAME_PROPERTY: Readonly<Record<string, string>> = {
  'AWS::DynamoDB::Table': 'TableName',
  'AWS::SQS::Queue': 'QueueName',
  'AWS::SNS::Topic': 'TopicName',
  'AWS::Events::EventBus': 'Name',
  'AWS::Events::Rule': 'Name',
  'AWS::Lambda::Function': 'FunctionName',
  'AWS::SSM::Parameter': 'Name',
  'AWS::Logs::LogGroup': 'LogGroupName',
};

// CDK's logical ids end in an 8-hex-digit hash of the construct path.
const CDK_HASH_SUFFIX = /[0-9A-F]{8}$/;

/**
 * The synthesized stage as the local cloud runs it: every resource with its local name, and a
 * resolver of intrinsics per stack that answers `Ref`/`Fn::GetAtt` from the names and what
 * provisioning recorded (queue URLs, stream ARNs), and SSM lookups from the stage's own
 * `AWS::SSM::Parameter` resources (services read the environment's names that way).
 */
export class LocalStageModel {
  readonly stacks: readonly AssemblyStack[];
  readonly #resources = new Map<string, StageResource>();
  readonly #facts = new Map<string, ResourceFacts>();
  readonly #ssm = new Map<string, StageResource>();

  constructor(
    stacks: readonly AssemblyStack[],
    readonly place: { readonly region: string; readonly accountId: string },
  ) {
    this.stacks = stacks;
    for (const stack of stacks) {
      for (const [logicalId, resource] of Object.entries(stack.resources)) {
        const each: StageResource = {
          stack,
          logicalId,
          resource,
          name: this.#physicalName(stack, logicalId, resource),
        };
        this.#resources.set(key(stack, logicalId), each);
        if (resource.Type === 'AWS::SSM::Parameter') this.#ssm.set(each.name, each);
      }
    }
  }

  /** Every resource of a CloudFormation type, in stack order. */
  resourcesOfType(type: string): StageResource[] {
    return [...this.#resources.values()].filter((each) => each.resource.Type === type);
  }

  /** Records what `Ref`/`Fn::GetAtt` of a provisioned resource answer. */
  record(resource: StageResource, facts: ResourceFacts): void {
    const known = this.#facts.get(key(resource.stack, resource.logicalId));
    this.#facts.set(key(resource.stack, resource.logicalId), {
      ref: facts.ref ?? known?.ref,
      attributes: { ...known?.attributes, ...facts.attributes },
    });
  }

  /** Resolves a property of a resource (`path` names it in errors). */
  resolve(resource: StageResource, value: TemplateValue, path: string): unknown {
    return resolveIntrinsics(value, this.contextOf(resource.stack), `${where(resource)}${path}`);
  }

  /** Resolves a property that must be a string. */
  resolveString(resource: StageResource, value: TemplateValue, path: string): string {
    return resolveString(value, this.contextOf(resource.stack), `${where(resource)}${path}`);
  }

  /** The resolver's view of one stack. */
  contextOf(stack: AssemblyStack): IntrinsicContext {
    return {
      region: this.place.region,
      accountId: this.place.accountId,
      stackName: stack.stackName,
      ref: (logicalId) => this.#ref(stack, logicalId),
      getAtt: (logicalId, attribute) => this.#getAtt(stack, logicalId, attribute),
      importValue: (name) => {
        throw new UnresolvableIntrinsicError(
          stack.stackName,
          `Fn::ImportValue ${name}: the Stack's templates share values through SSM parameters, not exports`,
        );
      },
      ssmParameter: (name) => this.ssmParameter(name),
    };
  }

  /**
   * Records what an SSM parameter of the stage holds locally, over its template's value (a URL
   * the template builds from a CloudFront host name is a localhost URL here). False when the
   * stage has no parameter of that name.
   */
  recordParameterValue(name: string, value: string): boolean {
    const parameter = this.#ssm.get(name);
    if (!parameter) return false;
    this.record(parameter, { attributes: { Value: value } });
    return true;
  }

  /** The value of an SSM parameter the stage defines. */
  ssmParameter(name: string): string {
    const parameter = this.#ssm.get(name);
    const recorded =
      parameter &&
      this.#facts.get(key(parameter.stack, parameter.logicalId))?.attributes?.['Value'];
    if (recorded !== undefined) return recorded;
    if (!parameter?.resource.Properties?.['Value'])
      throw new UnresolvableIntrinsicError(
        name,
        `no AWS::SSM::Parameter named ${name} in the synthesized stage`,
      );
    return this.resolveString(parameter, parameter.resource.Properties['Value'], '.Value');
  }

  #ref(stack: AssemblyStack, logicalId: string): string {
    const parameter = stack.parameters[logicalId];
    if (parameter) {
      const fallback = parameter.Default;
      if (typeof fallback !== 'string')
        throw new UnresolvableIntrinsicError(
          `${stack.stackName}.${logicalId}`,
          'parameter without a default',
        );
      return parameter.Type.startsWith('AWS::SSM::Parameter::Value')
        ? this.ssmParameter(fallback)
        : fallback;
    }
    const resource = this.#resource(stack, logicalId);
    return this.#facts.get(key(stack, logicalId))?.ref ?? defaultRef(resource, this.place);
  }

  #getAtt(stack: AssemblyStack, logicalId: string, attribute: string): string {
    const resource = this.#resource(stack, logicalId);
    const recorded = this.#facts.get(key(stack, logicalId))?.attributes?.[attribute];
    if (recorded !== undefined) return recorded;
    if (attribute === 'Arn') return arnOf(resource, this.place);
    if (attribute === 'Name' || attribute.endsWith('Name')) return resource.name;
    if (attribute === 'Value' && resource.resource.Type === 'AWS::SSM::Parameter')
      return this.ssmParameter(resource.name);
    throw new UnresolvableIntrinsicError(
      `${stack.stackName}.${logicalId}`,
      `Fn::GetAtt ${attribute} of ${resource.resource.Type} is not known locally`,
    );
  }

  #resource(stack: AssemblyStack, logicalId: string): StageResource {
    const resource = this.#resources.get(key(stack, logicalId));
    if (!resource)
      throw new UnresolvableIntrinsicError(
        `${stack.stackName}.${logicalId}`,
        `no resource or parameter ${logicalId} in stack ${stack.stackName}`,
      );
    return resource;
  }

  #physicalName(stack: AssemblyStack, logicalId: string, resource: TemplateResource): string {
    const property = NAME_PROPERTY[resource.Type];
    const explicit = property ? resource.Properties?.[property] : undefined;
    if (typeof explicit === 'string') return explicit;
    // CloudFormation would generate `<stack>-<logical id>-<random>`; locally the name must be
    // the same at every start (the table's data persists), so it is `<stack>-<logical id>`.
    return `${stack.stackName}-${logicalId.replace(CDK_HASH_SUFFIX, '')}`;
  }
}

function key(stack: AssemblyStack, logicalId: string): string {
  return `${stack.id}/${logicalId}`;
}

function where(resource: StageResource): string {
  return `${resource.stack.stackName}.${resource.logicalId}`;
}

/** `Ref` where provisioning recorded nothing: the name, or the ARN for topics. */
function defaultRef(resource: StageResource, place: { region: string; accountId: string }): string {
  return resource.resource.Type === 'AWS::SNS::Topic' ? arnOf(resource, place) : resource.name;
}

function arnOf(resource: StageResource, place: { region: string; accountId: string }): string {
  const prefix = (service: string) => `arn:aws:${service}:${place.region}:${place.accountId}`;
  switch (resource.resource.Type) {
    case 'AWS::DynamoDB::Table':
      return `${prefix('dynamodb')}:table/${resource.name}`;
    case 'AWS::SQS::Queue':
      return `${prefix('sqs')}:${resource.name}`;
    case 'AWS::SNS::Topic':
      return `${prefix('sns')}:${resource.name}`;
    case 'AWS::Events::EventBus':
      return `${prefix('events')}:event-bus/${resource.name}`;
    case 'AWS::Events::Rule':
      return `${prefix('events')}:rule/${resource.name}`;
    case 'AWS::Lambda::Function':
      return `${prefix('lambda')}:function:${resource.name}`;
    case 'AWS::SSM::Parameter':
      return `${prefix('ssm')}:parameter${resource.name}`;
    default:
      return `${prefix(resource.resource.Type.split('::')[1]?.toLowerCase() ?? 'local')}:${resource.name}`;
  }
}
