import type { JobGraph } from './jobGraph.js';

/**
 * The waves of deploy.yml as lists of stage names, read from its job graph: a stage belongs to
 * the wave after the latest wave whose smoke jobs its deploy jobs wait for.
 */
export function workflowWaves(graph: JobGraph): string[][] {
  const stages = graph.deployedStages;
  const smokeOf = new Map(stages.map((stage) => [graph.smokeJob(stage).id, stage]));
  const level = new Map<string, number>();
  const levelOf = (stage: string): number => {
    const known = level.get(stage);
    if (known !== undefined) return known;
    const before = graph
      .deployJobs(stage)
      .flatMap(({ job }) => job.needs ?? [])
      .map((id) => smokeOf.get(id))
      .filter((name): name is string => name !== undefined);
    const value = before.length === 0 ? 0 : Math.max(...before.map(levelOf)) + 1;
    level.set(stage, value);
    return value;
  };
  const waves: string[][] = [];
  for (const stage of stages) (waves[levelOf(stage)] ??= []).push(stage);
  return waves.map((wave) => wave.sort());
}
