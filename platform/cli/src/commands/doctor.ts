import type { Command } from 'commander';
import { formatReport } from '../doctor/formatReport.js';
import { runDoctor } from '../doctor/runDoctor.js';

/** `stack doctor`: checks the machine's prerequisites and says how to fix what is missing. */
export function registerDoctor(program: Command): void {
  program
    .command('doctor')
    .description('check Node, Java, Chromium and free ports; print how to fix each missing piece')
    .option('--json', 'print the report as JSON')
    .action(async (options: { json?: boolean }) => {
      const report = await runDoctor(process.env);
      process.stdout.write(
        options.json ? `${JSON.stringify(report, null, 2)}\n` : formatReport(report),
      );
      process.exitCode = report.ok ? 0 : 1;
    });
}
