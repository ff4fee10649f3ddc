export { buildApp, type BuildAppOptions, type BuiltStage } from './buildApp.js';
export { defaultCdkOut, defaultSpecsDir, defaultTemplatesRoot } from './paths.js';
export type { EnvironmentSpec, StackEnvInputs, TemplateRef } from './specs/EnvironmentSpec.js';
export { loadEnvironmentSpecs } from './specs/loadEnvironmentSpecs.js';
export { SpecError, formatProblem, type SpecProblem } from './specs/SpecError.js';
