import type { Stage } from 'aws-cdk-lib';
import type { EnvironmentSpec } from '../specs/EnvironmentSpec.js';

/** A stage as the engines deploy it: its spec and the CDK stage that holds its stacks. */
export interface DeployStage {
  readonly spec: EnvironmentSpec;
  readonly stage: Stage;
}

/** One wave: stages deployed in parallel, after every stage of the wave before passed its smoke tests. */
export interface DeployWave {
  /** The spec's `wave`, 1 or more. */
  readonly wave: number;
  /** `wave-<n>`: the wave's id in both engines. */
  readonly id: string;
  /** Sorted by name. */
  readonly stages: readonly DeployStage[];
}

/**
 * The stages grouped into waves in deployment order. Wave 0 (the `local` environment) is left out:
 * it only runs on a laptop (`npm start`) and is never deployed.
 */
export function deployWaves(stages: readonly DeployStage[]): DeployWave[] {
  const numbers = [...new Set(stages.map(({ spec }) => spec.wave))]
    .filter((wave) => wave >= 1)
    .sort((a, b) => a - b);
  return numbers.map((wave) => ({
    wave,
    id: `wave-${wave}`,
    stages: stages
      .filter(({ spec }) => spec.wave === wave)
      .sort((a, b) => a.spec.name.localeCompare(b.spec.name)),
  }));
}
