import { existsSync, readdirSync } from 'node:fs';
import { basename, extname, join, resolve } from 'node:path';
import type { EnvironmentSpec, StackEnvInputs } from './EnvironmentSpec.js';
import { availableTemplates, templateId } from './availableTemplates.js';
import { checkEnvelope } from './checkEnvelope.js';
import { describeInputError } from './describeInputError.js';
import {
  readSpecDocument,
  toPointer,
  type PathSegment,
  type SpecDocument,
} from './SpecDocument.js';
import { SpecError, type SpecProblem } from './SpecError.js';
import { loadTemplateSchema } from './TemplateSchema.js';
import { checkTemplateRules } from './templateRules.js';

// The name becomes a CDK stage id and the prefix of CloudFormation stack names.
const NAME = /^[a-z][a-z0-9-]{0,39}$/;

/**
 * Reads every `<dir>/*.yaml` EnvironmentSpec, validates it (envelope, then `spec` against its
 * template's schema under `templatesRoot`, defaults applied) and returns them ordered by wave,
 * then name. Collects the problems of all files and throws one SpecError listing them.
 */
export function loadEnvironmentSpecs(dir: string, templatesRoot: string): EnvironmentSpec[] {
  const specsDir = resolve(dir);
  const templates = availableTemplates(resolve(templatesRoot));
  const problems: SpecProblem[] = [];
  const specs: EnvironmentSpec[] = [];
  if (!existsSync(specsDir)) {
    throw new SpecError([wholeFile(specsDir, 'the specs folder does not exist')]);
  }

  const files = readdirSync(specsDir, { withFileTypes: true })
    .filter((entry) => entry.isFile())
    .map((entry) => entry.name)
    .sort();
  for (const name of files.filter((file) => extname(file) === '.yml')) {
    problems.push(
      wholeFile(
        join(specsDir, name),
        `rename it to ${basename(name, '.yml')}.yaml: only .yaml files are read`,
      ),
    );
  }
  const yamlFiles = files.filter((file) => extname(file) === '.yaml');
  if (yamlFiles.length === 0 && problems.length === 0) {
    throw new SpecError([wholeFile(specsDir, 'no environment specs (*.yaml) in this folder')]);
  }

  for (const name of yamlFiles) {
    const result = loadOne(
      readSpecDocument(join(specsDir, name)),
      resolve(templatesRoot),
      templates,
    );
    problems.push(...result.problems);
    if (result.spec) specs.push(result.spec);
  }
  if (problems.length > 0) throw new SpecError(problems);
  return specs.sort((a, b) => a.wave - b.wave || a.name.localeCompare(b.name));
}

function loadOne(
  document: SpecDocument,
  templatesRoot: string,
  templates: ReturnType<typeof availableTemplates>,
): { spec?: EnvironmentSpec; problems: SpecProblem[] } {
  const { file } = document;
  const problems: SpecProblem[] = [];
  const report = (
    path: PathSegment[],
    message: string,
    at: 'key' | 'value' = 'value',
    anchor = path,
  ) => {
    problems.push({ file, ...document.locate(anchor, at), path: toPointer(path), message });
  };

  const name = basename(file, '.yaml');
  if (!NAME.test(name)) {
    problems.push(
      wholeFile(
        file,
        `the file name "${name}" becomes the stage name, so it must be 1-40 lower-case letters, digits and dashes, starting with a letter; rename the file`,
      ),
    );
  }
  if (document.syntaxProblems.length > 0) {
    return { problems: [...problems, ...document.syntaxProblems] };
  }

  const check = checkEnvelope(document.data, templates);
  for (const problem of check.problems) report(problem.path, problem.message, problem.at);

  if (check.template && check.spec) {
    const id = templateId(check.template);
    const schema = loadTemplateSchema(templatesRoot, check.template);
    const inputErrors = schema.validate(check.spec);
    for (const error of inputErrors) {
      const problem = describeInputError(error, schema.inputType, id);
      report(['spec', ...problem.path], problem.message, problem.at);
    }
    if (inputErrors.length === 0) {
      for (const violation of checkTemplateRules(id, check.spec)) {
        const anchor = violation.anchor ?? violation.path;
        report(['spec', ...violation.path], violation.message, 'value', ['spec', ...anchor]);
      }
    }
  }

  // Top to bottom, the order a reader fixes them in.
  problems.sort((a, b) => a.line - b.line || a.column - b.column);
  if (problems.length > 0 || !check.envelope) return { problems };
  const { template, account, region, wave, spec } = check.envelope;
  // The schema validated `spec` and filled in every default, so it has the resolved shape.
  const inputs = spec as unknown as StackEnvInputs;
  return { problems, spec: { name, file, template, account, region, wave, inputs } };
}

function wholeFile(file: string, message: string): SpecProblem {
  return { file, line: 1, column: 1, path: '', message };
}
