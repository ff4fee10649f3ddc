import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname, join, relative } from 'node:path';
import { pathToFileURL } from 'node:url';
import { listServiceTemplates } from '../new/findServiceTemplate.js';
import { listServiceInstances } from './listServiceInstances.js';
import type { MigrationHook } from './MigrationHook.js';

/** What `stack upgrade` was asked to do. */
export interface UpgradeOptions {
  readonly repoRoot: string;
  readonly service: string;
  /** The target major version. */
  readonly to: number;
}

/** Where it prints. */
export interface UpgradeOutput {
  out(text: string): void;
  err(text: string): void;
}

/**
 * `stack upgrade <service> --to <major>`: runs each major's migration hook in order
 * (`v<N>/migrations/from-v<N-1>.ts`, optional) over the service's service.yaml, then pins the
 * new major. service.yaml is written once, at the end: a failing hook leaves it unchanged.
 */
export async function runUpgrade(options: UpgradeOptions, io: UpgradeOutput): Promise<number> {
  const fail = (message: string) => {
    io.err(`stack upgrade: ${message}\n`);
    return 1;
  };
  const instance = listServiceInstances(options.repoRoot).find(
    (i) => i.service === options.service,
  );
  if (!instance) {
    return fail(`no service "${options.service}" with a services/${options.service}/service.yaml`);
  }
  const versions = listServiceTemplates(options.repoRoot).filter(
    (t) => t.name === instance.template,
  );
  const target = versions.find((t) => t.major === options.to);
  if (!Number.isInteger(options.to) || !target) {
    return fail(
      `template ${instance.template} has no major ${options.to} (available: ${versions.map((t) => t.major).join(', ') || 'none'})`,
    );
  }
  if (options.to <= instance.major) {
    return fail(
      `${options.service} is on ${instance.template}@${instance.major} already; upgrades go to a newer major only`,
    );
  }

  let text = readFileSync(instance.file, 'utf8');
  const context = { service: options.service, serviceDir: dirname(instance.file) };
  for (let major = instance.major + 1; major <= options.to; major++) {
    const version = versions.find((t) => t.major === major);
    if (!version)
      return fail(`template ${instance.template} has no major ${major} to pass through`);
    const hookFile = join(version.dir, 'migrations', `from-v${major - 1}.ts`);
    if (!existsSync(hookFile)) continue;
    try {
      const hook = (await import(pathToFileURL(hookFile).href)) as Partial<MigrationHook>;
      if (typeof hook.migrate !== 'function') {
        return fail(
          `${relative(options.repoRoot, hookFile)} must export a function migrate(specText, context)`,
        );
      }
      text = await hook.migrate(text, context);
      io.out(`ran ${relative(options.repoRoot, hookFile)}\n`);
    } catch (error) {
      return fail(
        `${relative(options.repoRoot, hookFile)} failed, service.yaml is unchanged: ${(error as Error).message}`,
      );
    }
  }
  text = text.replace(/^template:\s*\S+/m, `template: ${instance.template}@${options.to}`);
  writeFileSync(instance.file, text);
  io.out(
    [
      `upgraded ${options.service}: ${instance.template}@${instance.major} → ${instance.template}@${options.to} (${relative(options.repoRoot, instance.file)})`,
      'Next: npm run synth (validates the spec against the new schema), npm test, then commit and open a pull request.',
      '',
    ].join('\n'),
  );
  return 0;
}
