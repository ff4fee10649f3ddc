// The public surface of stack-env@1: the stack the pipeline instantiates per environment, the
// contract services build on (SSM parameter names, table change events), and the constructs
// worth reusing in other templates.
export { StackEnvStack, type StackEnvStackProps } from './StackEnvStack.js';
export type { StackEnvInputs } from './StackEnvInputs.js';
export {
  ENVIRONMENT_PARAMETERS,
  type EnvironmentParameter,
  type StringEnvironmentParameter,
} from './environmentParameters.js';
export {
  REFERABLE_VALUES,
  publishedValues,
  checkEnvironmentReferences,
  substituteEnvironmentReferences,
  resolveServiceVariables,
  type ReferableValue,
} from './environmentReferences.js';
export { tableChangePattern, type TableChangeFilter } from './tableChangeEvents.js';
export { TEMPLATE_ID } from './templateId.js';
export {
  StackFunction,
  STACK_RUNTIME,
  type StackFunctionProps,
  type FunctionPlacement,
} from './StackFunction.js';
export { DeadLetterQueue, type DeadLetterQueueProps } from './DeadLetterQueue.js';
export { CrossRegionParameter, type CrossRegionParameterProps } from './CrossRegionParameter.js';
export { WebAcl, CLOUDFRONT_WAF_REGION, type WebAclProps } from './WebAcl.js';
export { WebAclStack, type WebAclStackProps } from './WebAclStack.js';
export { Table, type TableProps } from './Table.js';
export { EventBus, type EventBusProps } from './EventBus.js';
export { TableStreamPipe, type TableStreamPipeProps } from './TableStreamPipe.js';
export { Queues } from './Queues.js';
export { AlarmTopic, type AlarmTopicProps } from './AlarmTopic.js';
export { Auth, type AuthProps } from './Auth.js';
export { RouterSecret, routerSecretParameterArn, type RouterSecretProps } from './RouterSecret.js';
export { Api, type ApiProps } from './Api.js';
export { Edge, type EdgeProps } from './Edge.js';
export { Hosting, type HostingProps, type WebSiteName } from './Hosting.js';
export { WebSite, type WebSiteProps } from './hosting/WebSite.js';
export type { SiteConfig } from './hosting/SiteConfig.js';
export { Monitoring, type MonitoringProps, type MonitoredFunction } from './Monitoring.js';
export { Network, type NetworkProps } from './Network.js';
export { Parameters, type ParametersProps } from './Parameters.js';
export type { ColocatedSubgraph, ColocatedSubgraphs } from './ColocatedSubgraphs.js';
export { DEFAULT_ROUTER_SETTINGS, type RouterSettings } from './RouterSettings.js';
export { grantServiceAccess, type ServiceRoleAccess } from './serviceRolePolicy.js';
