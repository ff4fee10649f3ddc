import { describe, expect, it } from '@jest/globals';
import {
  checkEnvironmentReferences,
  publishedValues,
  resolveServiceVariables,
  substituteEnvironmentReferences,
} from '../infrastructure/environmentReferences.js';

describe('environment references', () => {
  it('publishes the site URLs only with hosting on', () => {
    expect(publishedValues({ hosting: true })).toEqual([
      'apiUrl',
      'publicSiteUrl',
      'internalSiteUrl',
    ]);
    expect(publishedValues({ hosting: false })).toEqual(['apiUrl']);
  });

  it('accepts plain values and references to published values, alone or inside a string', () => {
    const published = publishedValues({ hosting: true });
    for (const value of [
      'noreply@example.com',
      '$HOME and {braces}',
      '${environment.publicSiteUrl}',
      '${ environment.apiUrl }',
      'see ${environment.publicSiteUrl}/account or ${environment.internalSiteUrl}',
    ])
      expect(checkEnvironmentReferences(value, published, 'integration')).toEqual([]);
  });

  it('names each bad reference and what would be valid', () => {
    // Act
    const problems = checkEnvironmentReferences(
      '${env.apiUrl} ${environment.siteUrl} ${environment.publicSiteUrl} ${}',
      publishedValues({ hosting: false }),
      'preview-pr-7',
    );

    // Assess
    expect(problems).toEqual([
      '${env.apiUrl} is not a reference: write ${environment.<name>} (apiUrl, publicSiteUrl, internalSiteUrl)',
      '${environment.siteUrl} names no value of the environment (there are apiUrl, publicSiteUrl, internalSiteUrl)',
      '${environment.publicSiteUrl}: environment preview-pr-7 does not publish publicSiteUrl (the public web app (web/app), https://<cloudfront>; only with hosting on)',
      '${} is not a reference: write ${environment.<name>} (apiUrl, publicSiteUrl, internalSiteUrl)',
    ]);
  });

  it('substitutes every reference and leaves the rest of the value as written', () => {
    // Act
    const value = substituteEnvironmentReferences(
      '${environment.publicSiteUrl}/account?from=${environment.apiUrl}',
      (name) => `<${name}>`,
    );

    // Assess
    expect(value).toBe('<publicSiteUrl>/account?from=<apiUrl>');
    expect(() => substituteEnvironmentReferences('${env.x}', String)).toThrow(
      '${env.x} is not a reference to a value of the environment',
    );
  });

  it('resolves a service’s variables through the parameters the environment publishes', () => {
    // Prepare
    const published = { publicSiteUrl: '/stack/integration/hosting/public-site-url' };
    const read = (parameterName: string) => `ssm(${parameterName})`;

    // Act
    const variables = resolveServiceVariables(
      { APP_URL: '${environment.publicSiteUrl}', MAIL_FROM: 'a@example.com' },
      published,
      read,
      'event-worker@1: service mailer in integration',
    );

    // Assess
    expect(variables).toEqual({
      APP_URL: 'ssm(/stack/integration/hosting/public-site-url)',
      MAIL_FROM: 'a@example.com',
    });
    expect(() =>
      resolveServiceVariables({ API: '${environment.apiUrl}' }, published, read, 'here'),
    ).toThrow('here: API refers to ${environment.apiUrl}, which the environment does not publish');
  });
});
