import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';

/** The Federation 2 header every subgraph schema in these tests starts with. */
export const FEDERATION_LINK =
  'extend schema @link(url: "https://specs.apollo.dev/federation/v2.7", import: ["@key", "@shareable"])\n';

/** A throwaway repository folder with `services/<name>/schema.graphql` files. */
export interface TempRepo {
  root: string;
  /** Writes `services/<name>/schema.graphql`, prefixed with the Federation 2 link. */
  writeSchema(name: string, sdl: string): void;
  /** Reads a file under the root, or undefined when it does not exist. */
  read(path: string): string | undefined;
  remove(): void;
}

/** Creates a temp repo with a `services/router` folder and the given subgraph schemas. */
export function tempRepo(schemas: Record<string, string>): TempRepo {
  const root = mkdtempSync(join(tmpdir(), 'stack-compose-'));
  mkdirSync(join(root, 'services', 'router'), { recursive: true });
  const repo: TempRepo = {
    root,
    writeSchema(name, sdl) {
      const path = join(root, 'services', name, 'schema.graphql');
      mkdirSync(dirname(path), { recursive: true });
      writeFileSync(path, FEDERATION_LINK + sdl);
    },
    read(path) {
      const full = join(root, path);
      return existsSync(full) ? readFileSync(full, 'utf8') : undefined;
    },
    remove() {
      rmSync(root, { recursive: true, force: true });
    },
  };
  for (const [name, sdl] of Object.entries(schemas)) repo.writeSchema(name, sdl);
  return repo;
}
