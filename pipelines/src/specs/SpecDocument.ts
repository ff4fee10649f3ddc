import { readFileSync } from 'node:fs';
import { isMap, isScalar, isSeq, LineCounter, parseDocument, type Node } from 'yaml';
import type { SpecProblem } from './SpecError.js';

/** A step of a JSON pointer: a map key or a list index. */
export type PathSegment = string | number;

/** A spec file parsed with its node positions, so problems can point to a line and column. */
export interface SpecDocument {
  readonly file: string;
  /** The plain data; `undefined` when the file does not parse. */
  readonly data: unknown;
  /** YAML syntax errors (duplicate keys included); when any, `data` is undefined. */
  readonly syntaxProblems: readonly SpecProblem[];
  /**
   * Where a path points: the key of the last segment (`at: 'key'`, for unknown keys) or its
   * value. A path that does not exist points to the deepest part of it that does.
   */
  locate(path: readonly PathSegment[], at?: 'key' | 'value'): { line: number; column: number };
}

/** Reads and parses one spec file, keeping line information. */
export function readSpecDocument(file: string): SpecDocument {
  const lineCounter = new LineCounter();
  const document = parseDocument(readFileSync(file, 'utf8'), { lineCounter, prettyErrors: false });
  const position = (offset: number) => {
    const { line, col } = lineCounter.linePos(offset);
    return { line: Math.max(line, 1), column: Math.max(col, 1) };
  };
  const syntaxProblems = document.errors.map((error): SpecProblem => ({
    file,
    ...position(error.pos[0]),
    path: '',
    message: `invalid YAML: ${firstLine(error.message)}`,
  }));
  return {
    file,
    data: syntaxProblems.length === 0 ? document.toJS() : undefined,
    syntaxProblems,
    locate(path, at = 'value') {
      return position(offsetOf(document.contents, path, at));
    },
  };
}

/** Splits a JSON pointer (`/spec/waf`) into its segments, undoing `~1` and `~0` escapes. */
export function pointerSegments(pointer: string): string[] {
  if (pointer === '') return [];
  return pointer
    .slice(1)
    .split('/')
    .map((segment) => segment.replace(/~1/g, '/').replace(/~0/g, '~'));
}

/** Joins segments into a JSON pointer. */
export function toPointer(path: readonly PathSegment[]): string {
  return path
    .map((segment) => `/${String(segment).replace(/~/g, '~0').replace(/\//g, '~1')}`)
    .join('');
}

function offsetOf(root: Node | null, path: readonly PathSegment[], at: 'key' | 'value'): number {
  let node: Node | null = root;
  let offset = root?.range?.[0] ?? 0;
  for (const [index, segment] of path.entries()) {
    const last = index === path.length - 1;
    if (isMap(node)) {
      const pair = node.items.find(
        (item) => isScalar(item.key) && String(item.key.value) === String(segment),
      );
      if (!pair) return offset;
      const key = isScalar(pair.key) ? pair.key : null;
      if (last && at === 'key') return key?.range?.[0] ?? offset;
      const value = pair.value as Node | null;
      // `spec:` with nothing after it has no value node; its key is the closest place.
      offset = value?.range?.[0] ?? key?.range?.[0] ?? offset;
      node = value;
    } else if (isSeq(node) && typeof segment === 'number') {
      const item = node.items[segment] as Node | undefined;
      if (!item) return offset;
      offset = item.range?.[0] ?? offset;
      node = item;
    } else {
      return offset;
    }
  }
  return offset;
}

// yaml's messages end with a code excerpt; the file:line:col prefix already says where.
function firstLine(message: string): string {
  return message.split('\n')[0] ?? message;
}
