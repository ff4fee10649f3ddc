// The stand-ins lambdaBundleOptions.ts puts into Lambda bundles in place of real packages must
// do what the code calling them needs; each is checked against the package it replaces.
import { describe, expect, it } from '@jest/globals';
import { createHash } from 'node:crypto';
import { createServer } from 'node:http';
import { createRequire } from 'node:module';
import type { AddressInfo } from 'node:net';
import { LAMBDA_BUNDLE_ALIASES } from '../infrastructure/lambdaBundleOptions.js';

const require = createRequire(import.meta.url);
type MessageClass = new (fields?: Record<string, unknown>) => Record<string, unknown>;
type Namespace = Record<string, unknown>;

const standIn = (name: string) => require(LAMBDA_BUNDLE_ALIASES[name]!) as Namespace;

/** Every message class under `namespace` with the names of its repeated (array) fields. */
function repeatedFields(namespace: Namespace, path: string): Map<string, string[]> {
  const found = new Map<string, string[]>();
  for (const [key, value] of Object.entries(namespace)) {
    if (typeof value !== 'function' || !/^[A-Z]/.test(key)) continue;
    const classPath = `${path}.${key}`;
    const prototype = (value as { prototype: object }).prototype;
    const arrays = Object.keys(prototype).filter((field) =>
      Array.isArray((prototype as Record<string, unknown>)[field]),
    );
    if (arrays.length > 0) found.set(classPath, arrays);
    for (const [nested, fields] of repeatedFields(value as unknown as Namespace, classPath)) {
      found.set(nested, fields);
    }
  }
  return found;
}

function classAt(root: Namespace, path: string): MessageClass {
  return path
    .split('.')
    .slice(1)
    .reduce<unknown>(
      (namespace, key) => (namespace as Namespace)[key],
      root['Trace'],
    ) as MessageClass;
}

describe('Lambda bundle stand-ins', () => {
  it('usage-reporting-protobuf: every message starts its repeated fields empty, as protobufjs does', () => {
    // Prepare
    const real = require('@apollo/usage-reporting-protobuf') as Namespace;
    const fake = standIn('@apollo/usage-reporting-protobuf');
    const expected = repeatedFields(real['Trace'] as Namespace, 'Trace');
    expect(expected.get('Trace.QueryPlanNode.SequenceNode')).toEqual(['nodes']);

    for (const [path, fields] of expected) {
      // Act
      const first = new (classAt(fake, path))();
      const second = new (classAt(fake, path))({ unrelated: 1 });
      for (const field of fields) (first[field] as unknown[]).push('x');

      // Assess: fresh arrays per message, like `new` of the real class.
      for (const field of fields) {
        expect({ path, field, value: second[field] }).toEqual({ path, field, value: [] });
        expect({ path, field, value: new (classAt(real, path))()[field] }).toEqual({
          path,
          field,
          value: [],
        });
      }
    }
  });

  it('usage-reporting-protobuf: fields given to the constructor win, and encoding fails loudly', () => {
    const fake = standIn('@apollo/usage-reporting-protobuf');
    const ParallelNode = classAt(fake, 'Trace.QueryPlanNode.ParallelNode');
    expect(new ParallelNode({ nodes: ['a'] })).toEqual({ nodes: ['a'] });
    const trace = fake['Trace'] as { encode: () => unknown };
    expect(() => trace.encode()).toThrow(/Trace.encode of @apollo\/usage-reporting-protobuf/);
  });

  it('utils.createhash: hashes with node:crypto, the same digest as the real package', () => {
    const fake = standIn('@apollo/utils.createhash') as {
      createHash: (kind: string) => ReturnType<typeof createHash>;
    };
    const text = 'type Query { products: [Product] }';
    expect(fake.createHash('sha256').update(text).digest('hex')).toBe(
      createHash('sha256').update(text).digest('hex'),
    );
  });

  it('node-fetch / make-fetch-happen: delegate to Node fetch when called', async () => {
    // Prepare
    const server = createServer((_request, response) => response.end('pong'));
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    const { port } = server.address() as AddressInfo;
    const fake = standIn('make-fetch-happen') as {
      defaults: () => typeof fetch;
      Headers: typeof Headers;
    };

    // Act
    const response = await fake.defaults()(`http://127.0.0.1:${port}/`);

    // Assess
    expect(await response.text()).toBe('pong');
    expect(fake.Headers).toBe(globalThis.Headers);
    await new Promise<void>((resolve) => server.close(() => resolve()));
  });

  it('credential-provider-node: reads the credentials Lambda puts in the environment', async () => {
    // Prepare
    const fake = standIn('@aws-sdk/credential-provider-node') as {
      defaultProvider: () => () => Promise<{ accessKeyId: string; sessionToken?: string }>;
    };
    const saved = { ...process.env };
    Object.assign(process.env, {
      AWS_ACCESS_KEY_ID: 'ASIAEXAMPLE',
      AWS_SECRET_ACCESS_KEY: 'secret',
      AWS_SESSION_TOKEN: 'token',
    });
    try {
      // Act
      const credentials = await fake.defaultProvider()();

      // Assess
      expect(credentials).toMatchObject({ accessKeyId: 'ASIAEXAMPLE', sessionToken: 'token' });
      delete process.env.AWS_ACCESS_KEY_ID;
      delete process.env.AWS_SECRET_ACCESS_KEY;
      await expect(fake.defaultProvider()()).rejects.toThrow(
        /reads AWS credentials only from AWS_ACCESS_KEY_ID and AWS_SECRET_ACCESS_KEY/,
      );
    } finally {
      process.env = saved;
    }
  });
});
