import type { Command } from 'commander';

/** `stack e2e-users --env <stage>`: the web e2e suite's users in a deployed stage. */
export function registerE2eUsers(program: Command): void {
  program
    .command('e2e-users')
    .description(
      "create or reset the web e2e suite's users (e2e-user, e2e-admin) in a deployed stage's user pool, with your AWS credentials, and print their new password",
    )
    .requiredOption('--env <name>', 'the deployed stage, e.g. integration')
    .action(async (options: { env: string }) => {
      const { runE2eUsers } = await import('../e2eUsers/runE2eUsers.js');
      try {
        process.exitCode = await runE2eUsers(options.env, {
          out: (text) => process.stdout.write(text),
          err: (text) => process.stderr.write(text),
        });
      } catch (error) {
        process.stderr.write(
          `stack e2e-users: ${error instanceof Error ? error.message : String(error)}\n`,
        );
        process.exitCode = 1;
      }
    });
}
