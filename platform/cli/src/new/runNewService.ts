import {
  cpSync,
  existsSync,
  mkdirSync,
  mkdtempSync,
  readdirSync,
  readFileSync,
  rmSync,
  writeFileSync,
} from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { runCompose } from '../compose/runCompose.js';
import { SUPERGRAPH_PATH } from '../compose/supergraphPath.js';
import { findServiceTemplate } from './findServiceTemplate.js';
import { pascalCase, renderSkeleton } from './renderSkeleton.js';
import { skeletonHasSchema } from './skeletonHasSchema.js';
import { serviceNameProblem } from './validateServiceName.js';

/** What `stack new service` was asked to do. */
export interface NewServiceOptions {
  readonly repoRoot: string;
  readonly name: string;
  /** `<template>[@<major>]`, e.g. `graphql-subgraph`. */
  readonly template: string;
  /** Default `team-<name>`. */
  readonly owner?: string;
  /** Main GraphQL type; default the name in PascalCase. Only for templates with a schema. */
  readonly entity?: string;
}

/** Where it prints: progress and next steps to `out`, problems to `err`. */
export interface NewServiceOutput {
  out(text: string): void;
  err(text: string): void;
}

const OWNER = /^team-[a-z][a-z0-9-]{0,38}$/;
const ENTITY = /^[A-Z][A-Za-z0-9]{0,63}$/;

/**
 * `stack new service`: renders the template's skeleton into `services/<name>/`, adds the
 * project reference to the root tsconfig.json and, when the skeleton has a GraphQL schema,
 * recomposes the supergraph (an event worker has none, so nothing else changes). Everything is
 * prepared and composed in a temporary copy first; only then are files put in place (and put
 * back on any error), so a failure leaves the repository as it was. Resolves to the exit code.
 */
export async function runNewService(
  options: NewServiceOptions,
  io: NewServiceOutput,
): Promise<number> {
  const { repoRoot, name } = options;
  const fail = (message: string) => {
    io.err(`stack new service: ${message}\n`);
    return 1;
  };
  const nameProblem = serviceNameProblem(repoRoot, name);
  if (nameProblem) return fail(nameProblem);
  let template;
  try {
    template = findServiceTemplate(repoRoot, options.template);
  } catch (error) {
    return fail((error as Error).message);
  }
  const owner = options.owner ?? `team-${name}`;
  if (!OWNER.test(owner)) {
    return fail(`owner "${owner}" must be team-<name> in lowercase kebab-case, e.g. team-${name}`);
  }
  const composes = skeletonHasSchema(template);
  if (!composes && options.entity !== undefined) {
    return fail(
      `--entity names the main GraphQL type, and ${template.name}@${template.major} has no GraphQL schema; leave it out`,
    );
  }
  const entity = options.entity ?? pascalCase(name);
  if (!ENTITY.test(entity)) {
    return fail(
      `entity "${entity}" must be a GraphQL type name in PascalCase, e.g. ${pascalCase(name)}`,
    );
  }

  const staging = mkdtempSync(join(tmpdir(), `stack-new-${name}-`));
  try {
    const rendered = renderSkeleton(
      join(template.dir, 'skeleton'),
      join(staging, 'services', name),
      {
        name,
        owner,
        entity,
      },
    );
    if (composes) {
      stageSubgraphs(repoRoot, staging);
      const composeOutput: string[] = [];
      let code: number;
      try {
        code = await runCompose(
          { repoRoot: staging, check: false, allowBreaking: false, base: undefined },
          { out: (text) => composeOutput.push(text), err: (text) => composeOutput.push(text) },
        );
      } catch (error) {
        return fail(
          `the new schema does not compose with the existing subgraphs, nothing was written:\n${(error as Error).message}\n(choose another --entity if a type or field name is taken)`,
        );
      }
      if (code !== 0) {
        return fail(
          `composing the supergraph failed, nothing was written:\n${composeOutput.join('')}`,
        );
      }
    }

    const writes = plannedWrites(repoRoot, staging, name);
    putInPlace(repoRoot, writes);
    io.out(
      [
        `created services/${name}/ from ${template.name}@${template.major} (owner ${owner}${composes ? `, type ${entity}` : ''}):`,
        ...rendered.map((file) => `  services/${name}/${file}`),
        ...(composes
          ? [
              `  services/${name}/src/__generated__/typeDefs.ts`,
              `updated ${SUPERGRAPH_PATH}, the generated schema modules and tsconfig.json`,
            ]
          : ['updated tsconfig.json (no GraphQL schema: the supergraph is unchanged)']),
        '',
        'Next steps:',
        `  npm install                 # links the new workspace @stack/${name}`,
        `  npm test -- services/${name}`,
        `  npm run workflows           # deploy.yml gets the new service's stacks`,
        `  git switch -c service/${name}`,
        `  git add services/${name}${composes ? ' services/router' : ''} tsconfig.json package-lock.json .github/workflows`,
        `  git commit -m "Add the ${name} service (${template.name}@${template.major})"`,
        `  gh pr create --fill           # the pull request is the request; review deploys it`,
        '',
      ].join('\n'),
    );
    return 0;
  } catch (error) {
    return fail(`nothing was written: ${(error as Error).message}`);
  } finally {
    rmSync(staging, { recursive: true, force: true });
  }
}

/** Copies what composition reads and compares into the staging folder. */
function stageSubgraphs(repoRoot: string, staging: string): void {
  const services = join(repoRoot, 'services');
  for (const entry of readdirSync(services, { withFileTypes: true })) {
    if (!entry.isDirectory()) continue;
    for (const file of ['schema.graphql', 'src/__generated__/typeDefs.ts']) {
      copyIfExists(join(services, entry.name, file), join(staging, 'services', entry.name, file));
    }
  }
  for (const file of [SUPERGRAPH_PATH, 'services/router/src/__generated__/supergraph.ts']) {
    copyIfExists(join(repoRoot, file), join(staging, file));
  }
}

function copyIfExists(from: string, to: string): void {
  if (!existsSync(from)) return;
  mkdirSync(dirname(to), { recursive: true });
  cpSync(from, to);
}

/** Repository-relative path → new content: the new service, regenerated files, tsconfig.json. */
function plannedWrites(repoRoot: string, staging: string, name: string): Map<string, string> {
  const writes = new Map<string, string>();
  const collect = (dir: string) => {
    for (const entry of readdirSync(join(staging, dir), { withFileTypes: true })) {
      const path = `${dir}/${entry.name}`;
      if (entry.isDirectory()) collect(path);
      else writes.set(path, readFileSync(join(staging, path), 'utf8'));
    }
  };
  collect('services');
  for (const [path, content] of [...writes]) {
    const current = join(repoRoot, path);
    if (existsSync(current) && readFileSync(current, 'utf8') === content) writes.delete(path);
  }
  writes.set(
    'tsconfig.json',
    withReference(readFileSync(join(repoRoot, 'tsconfig.json'), 'utf8'), name),
  );
  return writes;
}

/** The root tsconfig.json with `services/<name>` added after the last services/ reference. */
function withReference(text: string, name: string): string {
  const config = JSON.parse(text) as { references?: { path: string }[] };
  const references = config.references ?? [];
  const path = `services/${name}`;
  if (!references.some((reference) => reference.path === path)) {
    const last = references.map((r) => r.path.startsWith('services/')).lastIndexOf(true);
    references.splice(last + 1, 0, { path });
  }
  return `${JSON.stringify({ ...config, references }, null, 2)}\n`;
}

/** Writes every file; on any error puts back what was there and removes what was new. */
function putInPlace(repoRoot: string, writes: ReadonlyMap<string, string>): void {
  const previous = new Map<string, string | undefined>();
  const createdDirs: string[] = [];
  try {
    for (const [path, content] of writes) {
      const target = join(repoRoot, path);
      previous.set(path, existsSync(target) ? readFileSync(target, 'utf8') : undefined);
      const dir = dirname(target);
      if (!existsSync(dir)) {
        createdDirs.push(topmostMissing(repoRoot, dir));
        mkdirSync(dir, { recursive: true });
      }
      writeFileSync(target, content);
    }
  } catch (error) {
    for (const [path, content] of previous) {
      const target = join(repoRoot, path);
      if (content === undefined) rmSync(target, { force: true });
      else writeFileSync(target, content);
    }
    for (const dir of createdDirs) rmSync(dir, { recursive: true, force: true });
    throw error;
  }
}

function topmostMissing(repoRoot: string, dir: string): string {
  let current = dir;
  while (!existsSync(dirname(current)) && dirname(current) !== repoRoot) current = dirname(current);
  return current;
}
