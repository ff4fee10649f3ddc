import type { PathSegment } from './SpecDocument.js';

/** A rule across several inputs, which an OpenAPI 3.0 schema (no if/then) cannot express. */
export interface RuleViolation {
  /** The input that is wrong or missing, inside `spec`. */
  readonly path: PathSegment[];
  /** Where to point when `path` does not exist in the file: the input that requires it. */
  readonly anchor?: PathSegment[];
  readonly message: string;
}

type TemplateRule = (inputs: Readonly<Record<string, unknown>>) => RuleViolation[];

// Keyed by `<name>@<major>`; a template without cross-input rules has no entry.
const rules: Record<string, TemplateRule> = {
  'stack-env@1': (inputs) =>
    inputs.tenancy === 'single' && inputs.tenant === undefined
      ? [
          {
            path: ['tenant'],
            anchor: ['tenancy'],
            message:
              'missing: tenancy is single, so name the tenant (add "tenant: <id>" under spec)',
          },
        ]
      : [],
};

/** Checks the cross-input rules of a template on inputs that already passed its schema. */
export function checkTemplateRules(
  templateId: string,
  inputs: Readonly<Record<string, unknown>>,
): RuleViolation[] {
  return rules[templateId]?.(inputs) ?? [];
}
