import { afterEach, describe, expect, it } from '@jest/globals';
import { defaultSpecsDir, defaultTemplatesRoot } from '../../src/paths.js';
import { loadEnvironmentSpecs } from '../../src/specs/loadEnvironmentSpecs.js';
import { SpecError } from '../../src/specs/SpecError.js';
import { specYaml, tempSpecs, type TempSpecs } from '../support/tempSpecs.js';

// Runs the loader and returns the SpecError it throws, failing the test if it does not throw.
function specError(dir: string): SpecError {
  try {
    loadEnvironmentSpecs(dir, defaultTemplatesRoot);
  } catch (error) {
    if (error instanceof SpecError) return error;
    throw error;
  }
  throw new Error('expected loadEnvironmentSpecs to throw a SpecError');
}

describe('Function: loadEnvironmentSpecs', () => {
  let specs: TempSpecs | undefined;
  afterEach(() => {
    specs?.remove();
    specs = undefined;
  });

  it('loads every shipped spec, ordered by wave', () => {
    // Act
    const loaded = loadEnvironmentSpecs(defaultSpecsDir, defaultTemplatesRoot);

    // Assess
    expect(loaded.map((spec) => [spec.name, spec.wave])).toEqual([
      ['local', 0],
      ['integration', 1],
      ['production-single-tenant-acme', 2],
      ['production-multi-tenant', 3],
    ]);
    const acme = loaded.find((spec) => spec.name === 'production-single-tenant-acme');
    expect(acme?.inputs).toMatchObject({ tenancy: 'single', tenant: 'acme' });
    const local = loaded.find((spec) => spec.name === 'local');
    expect(local).toMatchObject({
      account: '000000000000',
      inputs: { retainData: false, dashboard: false, alarms: false },
    });
  });

  it('returns a typed spec with the template defaults applied', () => {
    // Prepare
    specs = tempSpecs();
    const file = specs.write('integration.yaml', specYaml(['domain: integration.example.com']));

    // Act
    const [spec] = loadEnvironmentSpecs(specs.dir, defaultTemplatesRoot);

    // Assess
    expect(spec).toEqual({
      name: 'integration',
      file,
      template: { name: 'stack-env', major: 1 },
      account: '111111111111',
      region: 'eu-west-1',
      wave: 1,
      inputs: {
        domain: 'integration.example.com',
        tenancy: 'multi',
        waf: false,
        network: 'none',
        dashboard: true,
        alarms: true,
        retainData: true,
        logRetentionDays: 30,
        subgraphTopology: 'distributed',
        hosting: true,
        trustedDocumentsOnly: false,
      },
    });
  });

  it('rejects a misspelt input, pointing at its line and suggesting the real name', () => {
    // Prepare
    specs = tempSpecs();
    const file = specs.write(
      'integration.yaml',
      specYaml(['domain: integration.example.com', 'wafe: true']),
    );

    // Act
    const error = specError(specs.dir);

    // Assess
    expect(error.problems).toEqual([
      {
        file,
        line: 8,
        column: 3,
        path: '/spec/wafe',
        message: 'unknown input "wafe" (did you mean "waf"?)',
      },
    ]);
    expect(error.message).toContain(':8:3 /spec/wafe: unknown input "wafe" (did you mean "waf"?)');
  });

  it('rejects a value of the wrong type, quoting what was written', () => {
    // Prepare
    specs = tempSpecs();
    const file = specs.write('integration.yaml', specYaml(['waf: yes']));

    // Act
    const error = specError(specs.dir);

    // Assess
    expect(error.problems).toEqual([
      { file, line: 7, column: 8, path: '/spec/waf', message: 'must be boolean, got "yes"' },
    ]);
  });

  it('rejects an unknown template version, listing the available ones', () => {
    // Prepare
    specs = tempSpecs();
    const file = specs.write('integration.yaml', specYaml([], { template: 'stack-env@2' }));

    // Act
    const error = specError(specs.dir);

    // Assess
    expect(error.problems).toEqual([
      {
        file,
        line: 2,
        column: 11,
        path: '/template',
        message: 'template stack-env@2 does not exist (available: stack-env@1)',
      },
    ]);
  });

  it('rejects an account that is not a quoted 12-digit string', () => {
    // Prepare
    specs = tempSpecs();
    const unquoted = specs.write('unquoted.yaml', specYaml([], { account: '111111111111' }));
    const short = specs.write('short.yaml', specYaml([], { account: '"1234"' }));

    // Act
    const error = specError(specs.dir);

    // Assess
    expect(error.problems).toHaveLength(2);
    expect(error.problems[0]).toMatchObject({ file: short, line: 3, column: 10, path: '/account' });
    expect(error.problems[0]?.message).toBe(
      'must be a 12-digit AWS account id in quotes; got "1234"',
    );
    expect(error.problems[1]).toMatchObject({
      file: unquoted,
      line: 3,
      column: 10,
      path: '/account',
    });
    expect(error.problems[1]?.message).toContain('must be a quoted string of 12 digits');
  });

  it('requires a tenant when tenancy is single, pointing at the tenancy line', () => {
    // Prepare
    specs = tempSpecs();
    const file = specs.write(
      'acme.yaml',
      specYaml(['domain: acme.example.com', 'tenancy: single']),
    );

    // Act
    const error = specError(specs.dir);

    // Assess
    expect(error.problems).toEqual([
      {
        file,
        line: 8,
        column: 12,
        path: '/spec/tenant',
        message: 'missing: tenancy is single, so name the tenant (add "tenant: <id>" under spec)',
      },
    ]);
  });

  it('reports invalid YAML syntax with its position', () => {
    // Prepare
    specs = tempSpecs();
    const file = specs.write(
      'broken.yaml',
      'proton: EnvironmentSpec\nspec:\n  waf: [true\n  dashboard: true\n',
    );

    // Act
    const error = specError(specs.dir);

    // Assess
    expect(error.problems).toHaveLength(1);
    expect(error.problems[0]).toMatchObject({ file, line: 4, column: 3, path: '' });
    expect(error.problems[0]?.message).toMatch(/^invalid YAML: /);
  });

  it('rejects unknown top-level keys and a missing field, saying how to add it', () => {
    // Prepare
    specs = tempSpecs();
    const text = specYaml([]).replace('region: eu-west-1', 'regoin: eu-west-1');
    const file = specs.write('integration.yaml', text);

    // Act
    const error = specError(specs.dir);

    // Assess
    expect(error.problems).toEqual([
      {
        file,
        line: 1,
        column: 1,
        path: '/region',
        message: 'missing; add the AWS region, e.g. "region: eu-west-1"',
      },
      {
        file,
        line: 4,
        column: 1,
        path: '/regoin',
        message: 'unknown key "regoin" (did you mean "region"?)',
      },
    ]);
  });

  it('collects the problems of several files into one error', () => {
    // Prepare
    specs = tempSpecs();
    specs.write('a.yaml', specYaml(['wafe: true']));
    specs.write('b.yaml', specYaml([], { template: 'stack-env@2', account: '"12"' }));
    specs.write('c.yaml', specYaml(['network: nat']));

    // Act
    const error = specError(specs.dir);

    // Assess
    const lines = error.message.split('\n');
    expect(lines[0]).toBe('invalid environment specs (3 problems):');
    expect(lines[1]).toMatch(/a\.yaml:7:3 \/spec\/wafe: unknown input "wafe"/);
    expect(lines[2]).toMatch(/b\.yaml:2:11 \/template: template stack-env@2 does not exist/);
    expect(lines[3]).toMatch(/b\.yaml:3:10 \/account: must be a 12-digit AWS account id/);
    expect(lines).toHaveLength(5);
  });
});
