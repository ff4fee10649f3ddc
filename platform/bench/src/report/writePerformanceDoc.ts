import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import type { SuiteName, SuiteResult } from '../suites/SuiteResult.js';
import { describeMachine, type MachineInfo } from './machineInfo.js';
import {
  generatedSection,
  renderGeneratedSection,
  replaceGeneratedSection,
} from './performanceDoc.js';
import { renderSuiteMarkdown } from './renderMarkdown.js';

/**
 * Rewrites the generated section of docs/PERFORMANCE.md with this run's suites (keeping the
 * blocks of suites it did not run); the hand-written prose around it is left as it is.
 */
export function writePerformanceDoc(options: {
  path: string;
  results: readonly SuiteResult[];
  machine: MachineInfo;
  runAt: Date;
}): void {
  const doc = existsSync(options.path) ? readFileSync(options.path, 'utf8') : '# Performance\n';
  const blocks = new Map<SuiteName, string>(
    options.results.map((result) => [result.name, renderSuiteMarkdown(result, options.machine)]),
  );
  const section = renderGeneratedSection({
    previousSection: generatedSection(doc),
    blocks,
    header: `Last run ${options.runAt.toISOString().replace('T', ' ').slice(0, 16)} UTC (${options.results.map((result) => result.name).join(', ')}) on ${describeMachine(options.machine)}.`,
  });
  writeFileSync(options.path, replaceGeneratedSection(doc, section));
}
