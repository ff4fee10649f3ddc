import { bootstrapWorkflow } from './bootstrapWorkflow.js';
import { ciWorkflow } from './ciWorkflow.js';
import { deployWorkflow } from '../deploy/deployWorkflow.js';
import { previewSweeperWorkflow } from './previewSweeperWorkflow.js';
import { previewWorkflow } from './previewWorkflow.js';
import { requestServiceWorkflow } from './requestServiceWorkflow.js';
import type { WorkflowBuilder } from './WorkflowBuilder.js';

/**
 * Every generated workflow: file name in `.github/workflows/` → builder. A new workflow is one
 * module with its builder plus one line here; `npm run workflows` writes it, and the drift test
 * fails until the written file is committed.
 */
export const WORKFLOWS: Readonly<Record<string, WorkflowBuilder>> = {
  'request-service.yml': requestServiceWorkflow,
  'ci.yml': ciWorkflow,
  'preview.yml': previewWorkflow,
  'preview-sweeper.yml': previewSweeperWorkflow,
  'bootstrap.yml': bootstrapWorkflow,
  'deploy.yml': deployWorkflow,
};
