import type { CheckResult } from './CheckResult.js';
import { checkChromium } from './checkChromium.js';
import { checkJava } from './checkJava.js';
import { checkNode } from './checkNode.js';
import { checkPorts } from './checkPorts.js';

/** All checks of one `stack doctor` run and whether every one passed. */
export interface DoctorReport {
  readonly ok: boolean;
  readonly checks: readonly CheckResult[];
}

/** Runs every prerequisite check against the given environment (PATH, CHROMIUM_PATH, STACK_PORT_*). */
export async function runDoctor(
  env: NodeJS.ProcessEnv,
  nodeVersion = process.versions.node,
): Promise<DoctorReport> {
  const checks = [
    checkNode(nodeVersion),
    checkJava(env),
    checkChromium(env),
    ...(await checkPorts(env)),
  ];
  return { ok: checks.every((check) => check.ok), checks };
}
