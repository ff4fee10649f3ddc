import { describe, expect, it } from '@jest/globals';
import {
  generatedSection,
  renderGeneratedSection,
  replaceGeneratedSection,
  suiteBlocks,
} from '../src/report/performanceDoc.js';
import { machineInfo } from '../src/report/machineInfo.js';
import { renderSuiteMarkdown } from '../src/report/renderMarkdown.js';
import { atLeast, atMost } from '../src/report/Target.js';
import type { SuiteResult } from '../src/suites/SuiteResult.js';

const PROSE_BEFORE = '# Performance\n\nHand-written: what is measured.\n\n';
const PROSE_AFTER = '\n\n## Notes\n\nAlso hand-written.\n';

function result(name: SuiteResult['name'], value: number): SuiteResult {
  return {
    name,
    title: `Suite ${name}`,
    startedAt: '2026-01-02T03:04:05.000Z',
    durationMs: 1_000,
    tables: [{ title: 'numbers', columns: ['a', 'b'], rows: [['x', String(value)]] }],
    figures: [
      { label: `${name} latency`, value, unit: 'ms', target: atMost(5) },
      { label: `${name} ratio`, value: 0.9, unit: '', target: atLeast(0.7) },
    ],
    notes: ['a note'],
  };
}

function render(results: readonly SuiteResult[], previousDoc: string): string {
  const blocks = new Map(results.map((r) => [r.name, renderSuiteMarkdown(r, machineInfo())]));
  const section = renderGeneratedSection({
    previousSection: generatedSection(previousDoc),
    blocks,
    header: 'Last run: test.',
  });
  return replaceGeneratedSection(previousDoc, section);
}

describe('PERFORMANCE.md writer', () => {
  it('replaces only the generated section and keeps the prose around it byte for byte', () => {
    // Prepare
    const doc = `${PROSE_BEFORE}<!-- bench:start -->\nold figures\n<!-- bench:end -->${PROSE_AFTER}`;

    // Act
    const written = render([result('federation', 3)], doc);

    // Assess
    expect(written.startsWith(`${PROSE_BEFORE}<!-- bench:start -->\n`)).toBe(true);
    expect(written.endsWith(`<!-- bench:end -->${PROSE_AFTER}`)).toBe(true);
    expect(written).not.toContain('old figures');
    expect(written).toContain('| federation latency | 3 ms | ≤ 5 ms | 0.6 | ✅ |');
  });

  it('keeps the blocks of suites this run did not measure', () => {
    // Prepare
    const first = render([result('federation', 3), result('coldstart', 9)], PROSE_BEFORE);

    // Act
    const second = render([result('federation', 4)], first);

    // Assess
    const blocks = suiteBlocks(generatedSection(second));
    expect(blocks.get('federation')).toContain('| federation latency | 4 ms |');
    expect(blocks.get('coldstart')).toContain('| coldstart latency | 9 ms |');
    expect(blocks.get('tablecalls')).toContain('Not measured yet');
  });

  it('lists every missed target at the top, including those of kept blocks', () => {
    // Act
    const written = render([result('federation', 3), result('coldstart', 9)], PROSE_BEFORE);

    // Assess
    expect(written).toContain('**Targets not met:**\n\n- coldstart latency\n');
    expect(written).not.toContain('- federation latency');
  });

  it('still finds missed targets once Prettier has padded the tables', () => {
    // Prepare
    const written = render([result('coldstart', 9)], PROSE_BEFORE);
    const padded = written
      .replace('| coldstart latency | 9 ms |', '| coldstart latency    | 9 ms    |')
      .replace('| ❌ |', '| ❌  |');

    // Act
    const again = render([], padded);

    // Assess
    expect(again).toContain('**Targets not met:**\n\n- coldstart latency\n');
  });

  it('appends the markers to a document that has none', () => {
    // Act
    const written = replaceGeneratedSection(PROSE_BEFORE, 'figures');

    // Assess
    expect(written).toBe(
      `${PROSE_BEFORE.trimEnd()}\n\n<!-- bench:start -->\nfigures\n<!-- bench:end -->\n`,
    );
  });
});
