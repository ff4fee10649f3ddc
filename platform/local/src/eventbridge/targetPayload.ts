import type { RuleTarget } from './RuleTarget.js';

/**
 * The JSON text a target receives for an event: the constant `Input` as given, the part of
 * the event `InputPath` selects, or the whole event
 * (https://docs.aws.amazon.com/eventbridge/latest/APIReference/API_Target.html).
 */
export function targetPayload(
  target: Pick<RuleTarget, 'input' | 'inputPath'>,
  event: object,
): string {
  if (target.input !== undefined) return target.input;
  if (target.inputPath === undefined) return JSON.stringify(event);
  let selected: unknown = event;
  // Steps of `$.a.b[0]`; a step that finds nothing yields null rather than failing delivery.
  for (const [, key, index] of target.inputPath.matchAll(/\.([^.[\]]+)|\[(\d+)\]/g)) {
    const step = key ?? Number(index);
    selected =
      typeof selected === 'object' && selected !== null
        ? (selected as Record<string | number, unknown>)[step]
        : undefined;
  }
  return JSON.stringify(selected ?? null);
}
