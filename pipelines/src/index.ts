export {
  addEnvironmentStacks,
  buildApp,
  type BuildAppOptions,
  type BuiltStage,
} from './buildApp.js';
export { defaultCdkOut, defaultSpecsDir, defaultTemplatesRoot } from './paths.js';
export type { EnvironmentSpec, StackEnvInputs, TemplateRef } from './specs/EnvironmentSpec.js';
export { loadEnvironmentSpecs } from './specs/loadEnvironmentSpecs.js';
export { SpecError, formatProblem, type SpecProblem } from './specs/SpecError.js';
export { defaultServicesRoot, defaultServiceTemplatesRoot } from './paths.js';
export type { ServiceInputs, ServiceInstance, ServiceSpec } from './specs/ServiceSpec.js';
export { loadServiceSpecs, SERVICE_SPEC_FILE } from './specs/loadServiceSpecs.js';
export { availableTemplates, templateId } from './specs/availableTemplates.js';
export {
  compatibilityId,
  readTemplateRegistration,
  type TemplateRegistration,
} from './specs/templateRegistration.js';
