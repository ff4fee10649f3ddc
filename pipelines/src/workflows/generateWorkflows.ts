import { renderWorkflow } from './renderWorkflow.js';
import { WORKFLOWS } from './registry.js';
import type { WorkflowBuilder, WorkflowContext } from './WorkflowBuilder.js';

/** Every registered workflow rendered: file name → file text, in the registry's order. */
export function generateWorkflows(
  context: WorkflowContext,
  workflows: Readonly<Record<string, WorkflowBuilder>> = WORKFLOWS,
): Map<string, string> {
  return new Map(
    Object.entries(workflows).map(([fileName, build]) => [
      fileName,
      renderWorkflow(build(context)),
    ]),
  );
}
