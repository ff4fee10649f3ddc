import { Command } from 'commander';
import { registerBuild } from './commands/build.js';
import { registerCompose } from './commands/compose.js';
import { registerCost } from './commands/cost.js';
import { registerDev } from './commands/dev.js';
import { registerDlq } from './commands/dlq.js';
import { registerDoctor } from './commands/doctor.js';
import { registerE2eUsers } from './commands/e2eUsers.js';
import { registerNew } from './commands/new.js';
import { registerTemplates } from './commands/templates.js';
import { registerTrustedDocuments } from './commands/trustedDocuments.js';
import { registerUpgrade } from './commands/upgrade.js';
import { cliVersion } from './version.js';

/** Builds the `stack` command tree; each subcommand registers itself from its own module. */
export function createProgram(): Command {
  const program = new Command('stack')
    .description('The Stack: run, check and extend a GitOps-driven serverless platform')
    .version(cliVersion(), '-v, --version', 'print the version of The Stack')
    .showHelpAfterError('(run `stack --help` for the list of commands)');
  registerDoctor(program);
  registerDev(program);
  registerCompose(program);
  registerBuild(program);
  registerCost(program);
  registerNew(program);
  registerTemplates(program);
  registerUpgrade(program);
  registerDlq(program);
  registerTrustedDocuments(program);
  registerE2eUsers(program);
  return program;
}
