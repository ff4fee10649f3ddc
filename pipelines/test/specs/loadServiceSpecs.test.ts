import { repositoryServices } from '@stack/kit/testing';
import { afterEach, describe, expect, it } from '@jest/globals';
import type { EnvironmentSpec } from '../../src/specs/EnvironmentSpec.js';
import {
  defaultServiceTemplatesRoot,
  defaultServicesRoot,
  defaultSpecsDir,
  defaultTemplatesRoot,
} from '../../src/paths.js';
import { loadEnvironmentSpecs } from '../../src/specs/loadEnvironmentSpecs.js';
import { loadServiceSpecs } from '../../src/specs/loadServiceSpecs.js';
import { SpecError } from '../../src/specs/SpecError.js';
import { serviceYaml, tempServices, type TempServices } from '../support/tempServices.js';

const environments = loadEnvironmentSpecs(defaultSpecsDir, defaultTemplatesRoot);

function specError(dir: string, envs: readonly EnvironmentSpec[] = environments): SpecError {
  try {
    loadServiceSpecs(dir, defaultServiceTemplatesRoot, envs);
  } catch (error) {
    if (error instanceof SpecError) return error;
    throw error;
  }
  throw new Error('expected loadServiceSpecs to throw a SpecError');
}

describe('Function: loadServiceSpecs', () => {
  let services: TempServices | undefined;
  afterEach(() => {
    services?.remove();
    services = undefined;
  });

  it('loads the shipped services with an instance per environment and the overrides merged', () => {
    // Act
    const loaded = loadServiceSpecs(defaultServicesRoot, defaultServiceTemplatesRoot, environments);

    // Assess
    expect(loaded.map((spec) => spec.name)).toEqual(repositoryServices().specs);
    expect(loaded.map((spec) => [spec.name, spec.inputs.owner])).toEqual(
      expect.arrayContaining([
        ['products', 'team-products'],
        ['reviews', 'team-reviews'],
        ['router', 'team-platform'],
        ['users', 'team-users'],
      ]),
    );
    const reviews = loaded.find((spec) => spec.name === 'reviews');
    expect(reviews?.instances.map((instance) => instance.environment)).toEqual(
      environments.map((environment) => environment.name),
    );
    expect(reviews?.inputs).toEqual({
      owner: 'team-reviews',
      memorySize: 512,
      timeout: 10,
      provisionedConcurrency: 0,
      environment: {},
      subscriptions: [],
      readsFrom: ['products'],
      sendsTo: ['notifications'],
      push: false,
      alarms: false,
    });
  });

  it('merges an override over spec for its environment only', () => {
    // Prepare
    services = tempServices();
    services.write(
      'inventory',
      serviceYaml(['owner: team-x', 'readsFrom: [products]'], {
        tail: ['instances:', '  - environment: integration', '    spec: { memorySize: 1024 }'],
      }),
    );

    // Act
    const [inventory] = loadServiceSpecs(services.dir, defaultServiceTemplatesRoot, environments);

    // Assess
    const inputsOf = (environment: string) =>
      inventory?.instances.find((instance) => instance.environment === environment)?.inputs;
    expect(inputsOf('integration')).toMatchObject({ memorySize: 1024, readsFrom: ['products'] });
    expect(inputsOf('local')).toMatchObject({ memorySize: 512, readsFrom: ['products'] });
  });

  it('rejects an unknown input, pointing at its line and suggesting the real name', () => {
    // Prepare
    services = tempServices();
    const file = services.write('inventory', serviceYaml(['owner: team-x', 'memorysize: 256']));

    // Act
    const error = specError(services.dir);

    // Assess
    expect(error.problems).toEqual([
      {
        file,
        line: 5,
        column: 3,
        path: '/spec/memorysize',
        message: 'unknown input "memorysize" (did you mean "memorySize"?)',
      },
    ]);
    expect(error.message).toContain('invalid service specs (1 problem):');
  });

  it('rejects a wrong type and a value out of range, quoting what was written', () => {
    // Prepare
    services = tempServices();
    const file = services.write(
      'inventory',
      serviceYaml(['owner: team-x', 'memorySize: lots', 'timeout: 60']),
    );

    // Act
    const error = specError(services.dir);

    // Assess
    expect(error.problems).toEqual([
      {
        file,
        line: 5,
        column: 15,
        path: '/spec/memorySize',
        message: 'must be integer, got "lots"',
      },
      { file, line: 6, column: 12, path: '/spec/timeout', message: 'must be <= 30, got 60' },
    ]);
  });

  it('rejects a missing owner, an invalid owner and a reserved environment variable name', () => {
    // Prepare
    services = tempServices();
    const missing = services.write('alpha', serviceYaml(['memorySize: 256']));
    const bad = services.write(
      'beta',
      serviceYaml(['owner: reviews', 'environment:', '  TABLE_NAME: mine']),
    );

    // Act
    const error = specError(services.dir);

    // Assess
    expect(error.problems.map((p) => [p.file, p.path, p.message])).toEqual([
      [missing, '/spec/owner', 'missing required input "owner"'],
      [
        bad,
        '/spec/owner',
        expect.stringContaining('"reviews" is not valid here — expected: The team that owns'),
      ],
      [
        bad,
        '/spec/environment/TABLE_NAME',
        expect.stringContaining('name "TABLE_NAME" is not allowed — expected: UPPER_SNAKE_CASE'),
      ],
    ]);
  });

  it('checks references to environment values, per environment, at their line', () => {
    // Prepare: local without hosting publishes no site URLs.
    services = tempServices();
    const file = services.write(
      'mailer',
      serviceYaml(
        [
          'owner: team-x',
          'environment:',
          "  APP_URL: '${environment.publicSiteUrl}'",
          "  API: '${environment.apiUrl}'",
          "  TYPO: 'x ${env.apiUrl}'",
          "  UNKNOWN: '${environment.siteUrl}'",
        ],
        {
          tail: [
            'instances:',
            '  - environment: integration',
            "    spec: { environment: { ADMIN_URL: '${environment.internalSiteUrl}' } }",
          ],
        },
      ),
    );
    const withoutHosting = environments.map((environment) =>
      environment.name === 'local'
        ? { ...environment, inputs: { ...environment.inputs, hosting: false } }
        : environment,
    );

    // Act
    const error = specError(services.dir, withoutHosting);

    // Assess: the bad forms once (not once per environment), the unpublished value for local.
    expect(error.problems.map((p) => [p.line, p.path, p.message])).toEqual([
      [
        6,
        '/spec/environment/APP_URL',
        '${environment.publicSiteUrl}: environment local does not publish publicSiteUrl (the public web app (web/app), https://<cloudfront>; only with hosting on)',
      ],
      [
        8,
        '/spec/environment/TYPO',
        '${env.apiUrl} is not a reference: write ${environment.<name>} (apiUrl, publicSiteUrl, internalSiteUrl)',
      ],
      [
        9,
        '/spec/environment/UNKNOWN',
        '${environment.siteUrl} names no value of the environment (there are apiUrl, publicSiteUrl, internalSiteUrl)',
      ],
    ]);
    expect(error.problems.every((p) => p.file === file)).toBe(true);
  });

  it('keeps references to published values for the templates to resolve', () => {
    // Prepare
    services = tempServices();
    services.write(
      'mailer',
      serviceYaml(['owner: team-x', 'environment:', "  APP_URL: '${environment.publicSiteUrl}/a'"]),
    );

    // Act
    const [mailer] = loadServiceSpecs(services.dir, defaultServiceTemplatesRoot, environments);

    // Assess
    expect(mailer?.instances.map((instance) => instance.inputs.environment)).toEqual(
      environments.map(() => ({ APP_URL: '${environment.publicSiteUrl}/a' })),
    );
  });

  it('rejects an unknown template and a template incompatible with an environment, naming both', () => {
    // Prepare
    services = tempServices();
    const unknown = services.write(
      'alpha',
      serviceYaml(['owner: team-x'], { template: 'graphql-subgraph@2' }),
    );
    services.write('beta', serviceYaml(['owner: team-x']));
    const [first] = environments;
    if (!first) throw new Error('no environments shipped');
    const staging: EnvironmentSpec = {
      ...first,
      name: 'staging',
      template: { name: 'stack-env', major: 2 },
    };

    // Act
    const error = specError(services.dir, [first, staging]);

    // Assess
    expect(error.problems).toEqual([
      {
        file: unknown,
        line: 2,
        column: 11,
        path: '/template',
        message:
          'template graphql-subgraph@2 does not exist (available: event-worker@1, graphql-router@1, graphql-subgraph@1)',
      },
      expect.objectContaining({
        line: 2,
        column: 11,
        path: '/template',
        message:
          'template graphql-subgraph@1 is not compatible with environment template stack-env@2 (environment staging); its .template-registration.yaml lists compatible_environments: stack-env:1',
      }),
    ]);
  });

  it('rejects an override of an environment that does not exist, and a bad override value', () => {
    // Prepare
    services = tempServices();
    const file = services.write(
      'inventory',
      serviceYaml(['owner: team-x'], {
        tail: [
          'instances:',
          '  - environment: integraton',
          '    spec: { memorySize: 256 }',
          '  - environment: local',
          '    spec: { timeout: "slow" }',
        ],
      }),
    );

    // Act
    const error = specError(services.dir);

    // Assess
    expect(error.problems).toEqual([
      {
        file,
        line: 6,
        column: 18,
        path: '/instances/0/environment',
        message: 'environment "integraton" does not exist (did you mean "integration"?)',
      },
      {
        file,
        line: 9,
        column: 22,
        path: '/instances/1/spec/timeout',
        message: 'must be integer, got "slow"',
      },
    ]);
  });

  it('rejects an envelope with a wrong marker and an unknown key', () => {
    // Prepare
    services = tempServices();
    const file = services.write(
      'inventory',
      ['proton: EnvironmentSpec', 'template: graphql-subgraph@1', 'specs: {}', ''].join('\n'),
    );

    // Act
    const error = specError(services.dir);

    // Assess
    expect(error.problems.map((p) => [p.file, p.line, p.path, p.message])).toEqual([
      // A missing key points at the start of the file.
      [file, 1, '/spec', 'missing; add "spec:" with the template inputs (e.g. owner)'],
      [file, 1, '/proton', 'must be "ServiceSpec", got "EnvironmentSpec"'],
      [file, 3, '/specs', 'unknown key "specs" (did you mean "spec"?)'],
    ]);
  });
});
