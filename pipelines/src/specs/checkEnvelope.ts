import type { TemplateRef } from './EnvironmentSpec.js';
import type { PathSegment } from './SpecDocument.js';
import { templateId } from './availableTemplates.js';
import { describeValue } from './describeInputError.js';
import { checkTopLevelKeys } from './checkTopLevelKeys.js';
import { isRecord } from './isRecord.js';

/** The fields of an EnvironmentSpec around its `spec`, once they are valid. */
export interface Envelope {
  readonly template: TemplateRef;
  readonly account: string;
  readonly region: string;
  readonly wave: number;
  readonly spec: Record<string, unknown>;
}

/**
 * The result: `envelope` when all is valid; otherwise the problems, plus the template and spec
 * when those two are usable, so the inputs are checked too and one run reports everything.
 */
export interface EnvelopeCheck {
  readonly problems: EnvelopeProblem[];
  readonly envelope?: Envelope;
  readonly template?: TemplateRef;
  readonly spec?: Record<string, unknown>;
}

/** A problem in the envelope, located by its path. */
export interface EnvelopeProblem {
  readonly path: PathSegment[];
  readonly at: 'key' | 'value';
  readonly message: string;
}

const KEYS = ['proton', 'template', 'account', 'region', 'wave', 'spec'] as const;
// Commercial, GovCloud and ISO partitions: eu-west-1, us-gov-west-1, us-isob-east-1.
const REGION = /^[a-z]{2}(-gov|-iso[a-z]?)?-[a-z]+-\d+$/;
const TEMPLATE = /^([a-z][a-z0-9-]*)@([1-9]\d*)$/;

/**
 * Checks everything of an EnvironmentSpec but the template inputs: the `proton` marker, the
 * template reference (it must exist under the templates root), account, region, wave and keys.
 */
export function checkEnvelope(input: unknown, templates: readonly TemplateRef[]): EnvelopeCheck {
  const problems: EnvelopeProblem[] = [];
  const fail = (path: PathSegment[], message: string, at: 'key' | 'value' = 'value') => {
    problems.push({ path, at, message });
  };
  const data = checkTopLevelKeys(
    input,
    {
      keys: KEYS,
      required: KEYS,
      kind: 'EnvironmentSpec',
      example: (key) => example(key as (typeof KEYS)[number]),
    },
    fail,
  );
  if (!data) return { problems };

  let template: TemplateRef | undefined;
  if (data.template !== undefined) {
    const match = typeof data.template === 'string' ? TEMPLATE.exec(data.template) : null;
    const available = templates.map(templateId).join(', ') || 'none';
    if (!match?.[1] || !match[2]) {
      fail(
        ['template'],
        `must be <name>@<major>, e.g. stack-env@1; got ${describeValue(data.template)}`,
      );
    } else if (!templates.some((t) => t.name === match[1] && t.major === Number(match[2]))) {
      fail(['template'], `template ${match[0]} does not exist (available: ${available})`);
    } else {
      template = { name: match[1], major: Number(match[2]) };
    }
  }

  if (
    data.account !== undefined &&
    !(typeof data.account === 'string' && /^\d{12}$/.test(data.account))
  ) {
    fail(
      ['account'],
      typeof data.account === 'number'
        ? `must be a quoted string of 12 digits, e.g. account: "111111111111" (unquoted, YAML reads a number and drops leading zeros); got ${describeValue(data.account)}`
        : `must be a 12-digit AWS account id in quotes; got ${describeValue(data.account)}`,
    );
  }
  if (data.region !== undefined && !(typeof data.region === 'string' && REGION.test(data.region))) {
    fail(
      ['region'],
      `must be an AWS region code such as eu-west-1; got ${describeValue(data.region)}`,
    );
  }
  if (data.wave !== undefined && !(Number.isInteger(data.wave) && (data.wave as number) >= 0)) {
    fail(
      ['wave'],
      `must be a whole number ≥ 0 (1, 2, 3… deploy in that order; 0 is never deployed by the pipeline); got ${describeValue(data.wave)}`,
    );
  }
  if (data.spec !== undefined && !isRecord(data.spec)) {
    fail(
      ['spec'],
      `must be a map of template inputs (spec: {} for all defaults); got ${describeValue(data.spec)}`,
    );
  }

  const spec = isRecord(data.spec) ? data.spec : undefined;
  if (problems.length > 0 || !template || !spec) return { problems, template, spec };
  return {
    problems,
    template,
    spec,
    envelope: {
      template,
      account: data.account as string,
      region: data.region as string,
      wave: data.wave as number,
      spec,
    },
  };
}

function example(key: (typeof KEYS)[number]): string {
  const examples: Record<(typeof KEYS)[number], string> = {
    proton: 'add "proton: EnvironmentSpec"',
    template: 'add e.g. "template: stack-env@1"',
    account: 'add the AWS account id in quotes, e.g. account: "111111111111"',
    region: 'add the AWS region, e.g. "region: eu-west-1"',
    wave: 'add "wave: <n>" (0 = never deployed by the pipeline)',
    spec: 'add "spec: {}" (or the template inputs)',
  };
  return examples[key];
}
