import { mkdirSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { runInNewContext } from 'node:vm';
import { describe, expect, it } from '@jest/globals';
import { Annotations, Match, type Template } from 'aws-cdk-lib/assertions';
import {
  cleanUrlsFunctionCode,
  type ExportLayout,
} from '../infrastructure/hosting/cleanUrlsFunctionCode.js';
import type { WebExport } from '../infrastructure/hosting/webExportDirectory.js';
import {
  buildEnvironment,
  type EnvironmentOptions,
  resourcesOf,
  synthesizeEnvironment,
} from './support/synthesizeEnvironment.js';

/** A fake static export in a temporary directory: relative path → file content. */
function exportOf(files: Record<string, string>): string {
  const directory = mkdtempSync(join(tmpdir(), 'stack-env-export-'));
  for (const [path, content] of Object.entries(files)) {
    mkdirSync(dirname(join(directory, path)), { recursive: true });
    writeFileSync(join(directory, path), content);
  }
  return directory;
}

// Built once per file: a trailingSlash export for the public app, a default one for internal.
const BUILT: Record<'public' | 'internal', WebExport> = {
  public: {
    workspace: 'web/app',
    directory: exportOf({
      'index.html': '<h1>shop</h1>',
      '404.html': 'not found',
      'account/index.html': 'account',
      '_next/static/chunks/app-0123abcd.js': 'console.log(1)',
    }),
  },
  internal: {
    workspace: 'web/internal',
    directory: exportOf({ 'index.html': '<h1>staff</h1>', 'products.html': 'products' }),
  },
};
const MISSING: Record<'public' | 'internal', WebExport> = {
  public: { workspace: 'web/app', directory: join(tmpdir(), 'stack-env-no-such-export/app') },
  internal: {
    workspace: 'web/internal',
    directory: join(tmpdir(), 'stack-env-no-such-export/internal'),
  },
};

const built = (options: EnvironmentOptions = {}) =>
  synthesizeEnvironment({ ...options, webExports: BUILT });

/** The site distributions (every distribution but the API's Edge). */
function siteDistributions(template: Template) {
  return resourcesOf(template, 'AWS::CloudFront::Distribution').filter((distribution) =>
    distribution.id.startsWith('Hosting'),
  );
}

type DistributionConfig = {
  DefaultCacheBehavior: Record<string, unknown>;
  CacheBehaviors: Record<string, unknown>[];
  CustomErrorResponses: unknown[];
  Origins: Record<string, unknown>[];
};

function configOf(distribution: { properties: Record<string, unknown> }): DistributionConfig {
  return distribution.properties.DistributionConfig as DistributionConfig;
}

/** Runs the CloudFront Function's code in a fresh V8 context on a viewer-request event. */
function rewrite(layout: ExportLayout, uri: string): string {
  const handler = runInNewContext(`${cleanUrlsFunctionCode(layout)}\nhandler;`) as (event: {
    request: { uri: string; querystring: Record<string, unknown> };
  }) => { uri: string; querystring: Record<string, unknown> };
  const querystring = { code: { value: 'abc' } };
  const request = handler({ request: { uri, querystring } });
  expect(request.querystring).toBe(querystring);
  return request.uri;
}

describe('Hosting: the clean-URL CloudFront Function', () => {
  it('maps pages to Next’s default export (account.html)', () => {
    expect(rewrite('file', '/')).toBe('/index.html');
    expect(rewrite('file', '/account')).toBe('/account.html');
    expect(rewrite('file', '/account/')).toBe('/account.html');
    expect(rewrite('file', '/auth/callback')).toBe('/auth/callback.html');
  });

  it('maps pages to a trailingSlash export (account/index.html)', () => {
    expect(rewrite('directory', '/')).toBe('/index.html');
    expect(rewrite('directory', '/account')).toBe('/account/index.html');
    expect(rewrite('directory', '/account/')).toBe('/account/index.html');
    expect(rewrite('directory', '/auth/callback')).toBe('/auth/callback/index.html');
  });

  it('leaves files with an extension alone', () => {
    for (const layout of ['file', 'directory'] as const) {
      for (const uri of ['/_next/static/chunks/app-0123.js', '/config.json', '/favicon.ico']) {
        expect(rewrite(layout, uri)).toBe(uri);
      }
      expect(rewrite(layout, '/v1.2/page')).toBe(
        layout === 'file' ? '/v1.2/page.html' : '/v1.2/page/index.html',
      );
    }
  });

  it('deploys the code for the layout each export has', () => {
    // Prepare
    const { template } = built();

    // Act
    const codes = resourcesOf(template, 'AWS::CloudFront::Function').map((fn) =>
      String(fn.properties.FunctionCode),
    );

    // Assess
    expect(codes).toHaveLength(2);
    expect(codes.filter((code) => code.includes("var LAYOUT = 'directory';"))).toHaveLength(1);
    expect(codes.filter((code) => code.includes("var LAYOUT = 'file';"))).toHaveLength(1);
    template.hasResourceProperties('AWS::CloudFront::Function', {
      FunctionConfig: Match.objectLike({ Runtime: 'cloudfront-js-2.0' }),
    });
  });
});

describe('Hosting: buckets and origin access', () => {
  it('keeps each site bucket private, TLS only and encrypted, readable only by its distribution', () => {
    // Prepare
    const { template } = built();

    // Act
    const buckets = resourcesOf(template, 'AWS::S3::Bucket').filter((bucket) =>
      /^Hosting(Public|Internal)SiteBucket/.test(bucket.id),
    );
    const policies = resourcesOf(template, 'AWS::S3::BucketPolicy');

    // Assess
    expect(buckets).toHaveLength(2);
    for (const bucket of buckets) {
      expect(bucket.properties.PublicAccessBlockConfiguration).toEqual({
        BlockPublicAcls: true,
        BlockPublicPolicy: true,
        IgnorePublicAcls: true,
        RestrictPublicBuckets: true,
      });
      expect(JSON.stringify(bucket.properties.BucketEncryption)).toContain('AES256');
      const policy = policies.find(
        (candidate) =>
          JSON.stringify(candidate.properties.Bucket) === JSON.stringify({ Ref: bucket.id }),
      );
      const statements = (
        policy?.properties.PolicyDocument as { Statement: Record<string, unknown>[] }
      ).Statement;
      const site = bucket.id.includes('Public') ? 'Public' : 'Internal';
      const reads = statements.filter(
        (statement) =>
          JSON.stringify(statement.Principal) === '{"Service":"cloudfront.amazonaws.com"}',
      );
      expect(reads).toHaveLength(1);
      expect(reads[0]!.Action).toBe('s3:GetObject');
      expect(JSON.stringify(reads[0]!.Condition)).toMatch(
        new RegExp(`AWS:SourceArn.*Hosting${site}SiteDistribution`),
      );
      expect(
        statements.some(
          (statement) =>
            statement.Effect === 'Deny' &&
            JSON.stringify(statement.Condition).includes('aws:SecureTransport'),
        ),
      ).toBe(true);
    }
    template.resourceCountIs('AWS::CloudFront::OriginAccessControl', 2);
    template.hasResourceProperties('AWS::CloudFront::OriginAccessControl', {
      OriginAccessControlConfig: Match.objectLike({
        OriginAccessControlOriginType: 's3',
        SigningBehavior: 'always',
        SigningProtocol: 'sigv4',
      }),
    });
    for (const distribution of siteDistributions(template)) {
      const [origin] = configOf(distribution).Origins;
      expect(origin?.OriginAccessControlId).toBeDefined();
    }
  });

  it('retains buckets of an environment that keeps data and empties and deletes disposable ones', () => {
    // Prepare
    const kept = built();
    const disposable = built({ inputs: { retainData: false } });

    // Act
    const sites = (template: Template) =>
      Object.values(template.findResources('AWS::S3::Bucket')).map(
        (bucket) => (bucket as { DeletionPolicy: string }).DeletionPolicy,
      );

    // Assess
    expect(sites(kept.template)).toEqual(['Retain', 'Retain', 'Retain']);
    expect(sites(disposable.template)).toEqual(['Delete', 'Delete', 'Delete']);
    kept.template.resourceCountIs('Custom::S3AutoDeleteObjects', 0);
    disposable.template.resourceCountIs('Custom::S3AutoDeleteObjects', 3);
  });

  it('logs bucket access to a log bucket that expires logs after logRetentionDays', () => {
    // Prepare
    const { template } = built({ inputs: { logRetentionDays: 14 } });

    // Assess
    template.hasResourceProperties('AWS::S3::Bucket', {
      LifecycleConfiguration: { Rules: [Match.objectLike({ ExpirationInDays: 14 })] },
    });
    template.hasResourceProperties('AWS::S3::Bucket', {
      LoggingConfiguration: Match.objectLike({ LogFilePrefix: 'public/' }),
    });
  });
});

describe('Hosting: headers and caching', () => {
  it('sends a CSP that lets pages call only the API and Cognito, HSTS, DENY framing, nosniff, a referrer policy', () => {
    // Prepare
    const { stack, template } = built();

    // Act
    const policies = resourcesOf(template, 'AWS::CloudFront::ResponseHeadersPolicy');
    const config = stack.resolve(policies[0]!.properties.ResponseHeadersPolicyConfig) as {
      SecurityHeadersConfig: Record<string, Record<string, unknown>>;
    };
    const headers = config.SecurityHeadersConfig;
    const csp = JSON.stringify(headers.ContentSecurityPolicy);

    // Assess
    expect(policies).toHaveLength(2);
    expect(csp).toMatch(
      /connect-src 'self' https:\/\/",\{"Fn::GetAtt":\["EdgeDistribution[0-9A-F]+","DomainName"\]\}," https:\/\/cognito-idp\.eu-west-1\.",\{"Ref":"AWS::URLSuffix"\}," https:\/\/",\{"Ref":"AuthUserPoolDomain/,
    );
    expect(csp).toContain("frame-ancestors 'none'");
    expect(csp).toContain("default-src 'self'");
    expect(headers.StrictTransportSecurity).toEqual({
      AccessControlMaxAgeSec: 63072000,
      IncludeSubdomains: true,
      Override: true,
    });
    expect(headers.FrameOptions).toEqual({ FrameOption: 'DENY', Override: true });
    expect(headers.ContentTypeOptions).toEqual({ Override: true });
    expect(headers.ReferrerPolicy).toEqual({
      ReferrerPolicy: 'strict-origin-when-cross-origin',
      Override: true,
    });
  });

  it('caches /_next/static for a year, revalidates pages, never caches config.json, and serves 404.html', () => {
    // Prepare
    const { template } = built();
    const cachePolicies = Object.fromEntries(
      resourcesOf(template, 'AWS::CloudFront::CachePolicy').map((policy) => [
        policy.id,
        policy.properties.CachePolicyConfig as Record<string, number>,
      ]),
    );
    const ttlsOf = (behavior: Record<string, unknown>) => {
      const id = (behavior.CachePolicyId as { Ref: string }).Ref;
      const policy = cachePolicies[id]!;
      return [policy.MinTTL, policy.DefaultTTL, policy.MaxTTL];
    };

    for (const distribution of siteDistributions(template)) {
      // Act
      const config = configOf(distribution);
      const byPath = new Map(
        config.CacheBehaviors.map((behavior) => [String(behavior.PathPattern), behavior]),
      );

      // Assess
      expect(ttlsOf(config.DefaultCacheBehavior)).toEqual([0, 0, 0]);
      expect(config.DefaultCacheBehavior.FunctionAssociations).toEqual([
        { EventType: 'viewer-request', FunctionARN: expect.anything() },
      ]);
      expect(ttlsOf(byPath.get('/_next/static/*')!)).toEqual([31536000, 31536000, 31536000]);
      // The managed CachingDisabled policy.
      expect(byPath.get('/config.json')!.CachePolicyId).toBe(
        '4135ea2d-6df8-44a3-9df3-4b5a84be39ad',
      );
      for (const behavior of [config.DefaultCacheBehavior, ...config.CacheBehaviors]) {
        expect(behavior.ViewerProtocolPolicy).toBe('redirect-to-https');
      }
      expect(config.CustomErrorResponses).toEqual(
        [403, 404].map((ErrorCode) => ({
          ErrorCode,
          ResponseCode: 404,
          ResponsePagePath: '/404.html',
          ErrorCachingMinTTL: 10,
        })),
      );
    }
  });
});

describe('Hosting: deployment', () => {
  it('uploads hashed assets as immutable first, then pages and config.json as no-cache with an invalidation', () => {
    // Prepare
    const { template } = built();

    // Act
    const deployments = resourcesOf(template, 'Custom::CDKBucketDeployment');
    const assets = deployments.filter((deployment) => deployment.id.includes('DeployStaticAssets'));
    const pages = template.findResources('Custom::CDKBucketDeployment', {
      Properties: Match.objectLike({ DistributionPaths: ['/*'] }),
    });

    // Assess
    expect(assets).toHaveLength(2);
    for (const asset of assets) {
      expect(asset.properties).toMatchObject({
        Include: ['_next/static/*'],
        Exclude: ['*'],
        Prune: false,
        SystemMetadata: { 'cache-control': 'public, max-age=31536000, immutable' },
      });
    }
    expect(Object.keys(pages)).toHaveLength(2);
    for (const [id, page] of Object.entries(pages)) {
      const resource = page as { Properties: Record<string, unknown>; DependsOn: string[] };
      expect(resource.Properties).toMatchObject({
        Exclude: ['_next/static/*'],
        Prune: true,
        SystemMetadata: { 'cache-control': 'no-cache' },
        DistributionId: { Ref: expect.stringMatching(/SiteDistribution/) },
      });
      const site = id.includes('Public') ? 'Public' : 'Internal';
      expect(resource.DependsOn).toContainEqual(
        expect.stringMatching(`Hosting${site}SiteDeployStaticAssetsCustomResource`),
      );
    }
  });

  it('writes config.json with the API URL, the Cognito authority, the site’s client and the stage', () => {
    // Prepare
    const outdir = mkdtempSync(join(tmpdir(), 'stack-env-hosting-'));
    const { app, stack } = buildEnvironment({ webExports: BUILT, outdir });
    app.synth();
    const template = JSON.parse(
      readFileSync(join(outdir, `${stack.artifactId}.template.json`), 'utf8'),
    ) as { Resources: Record<string, { Type: string; Properties: Record<string, unknown> }> };

    for (const site of ['Public', 'Internal']) {
      // Act
      const [, deployment] = Object.entries(template.Resources).find(
        ([id, resource]) =>
          resource.Type === 'Custom::CDKBucketDeployment' &&
          id.startsWith(`Hosting${site}SiteDeployPages`),
      )!;
      const configKey = (deployment.Properties.SourceObjectKeys as string[])[1]!;
      const configAsset = join(outdir, `asset.${configKey.replace(/\.zip$/, '')}`, 'config.json');
      const markers = (deployment.Properties.SourceMarkers as Record<string, unknown>[])[1]!;
      const rendered = readFileSync(configAsset, 'utf8').replace(
        /<<marker:0xbaba:\d+>>/g,
        (marker) => `{${JSON.stringify(markers[marker]).replaceAll('"', "'")}}`,
      );

      // Assess
      const config = JSON.parse(rendered) as { auth: { signOutUrl: string } };
      expect(config.auth.signOutUrl).toMatch(
        /^https:\/\/\{\{'Ref':'AuthUserPoolDomain[0-9A-F]+'\}\}\.auth\.eu-west-1\.amazoncognito\.com\/logout$/,
      );
      expect(config).toEqual({
        apiUrl: `https://{{'Fn::GetAtt':['${stack.getLogicalId(stack.edge.distribution.node.defaultChild as never)}','DomainName']}}/graphql`,
        auth: {
          authority:
            "https://cognito-idp.eu-west-1.{{'Ref':'AWS::URLSuffix'}}/{{'Ref':'AuthUserPool8115E87F'}}",
          clientId: `{{'Ref':'AuthUserPool${site}Client${site === 'Public' ? '80C21991' : '205A6E47'}'}}`,
          scopes: 'openid email profile',
          signOutUrl: config.auth.signOutUrl,
        },
        stage: 'integration',
      });
    }
  });

  it('lets each site’s Cognito client call back to the site', () => {
    // Prepare
    const { template } = built();

    for (const site of ['Public', 'Internal']) {
      // Assess
      template.hasResourceProperties('AWS::Cognito::UserPoolClient', {
        CallbackURLs: Match.arrayWith([
          {
            'Fn::Join': [
              '',
              [
                'https://',
                {
                  'Fn::GetAtt': [
                    Match.stringLikeRegexp(`Hosting${site}SiteDistribution`),
                    'DomainName',
                  ],
                },
                '/auth/callback',
              ],
            ],
          },
        ]),
        LogoutURLs: Match.arrayWith([
          {
            'Fn::Join': [
              '',
              [
                'https://',
                {
                  'Fn::GetAtt': [
                    Match.stringLikeRegexp(`Hosting${site}SiteDistribution`),
                    'DomainName',
                  ],
                },
                '/',
              ],
            ],
          },
        ]),
      });
    }
  });

  it('deploys a placeholder page and warns when an app was not built', () => {
    // Prepare
    const { stack, template } = synthesizeEnvironment({ webExports: MISSING });

    // Act
    const annotations = Annotations.fromStack(stack);

    // Assess
    annotations.hasWarning(
      '/Env/Hosting',
      Match.stringLikeRegexp(
        'No static export of web/app at .*: the site deploys a placeholder page.*npm run build -w web/app',
      ),
    );
    annotations.hasWarning(
      '/Env/Hosting',
      Match.stringLikeRegexp('No static export of web/internal'),
    );
    expect(siteDistributions(template)).toHaveLength(2);
    expect(
      readFileSync(join(tmpdir(), 'stack-env-web-placeholder', 'web-app', 'index.html'), 'utf8'),
    ).toContain('web/app was not built');
    expect(
      Annotations.fromStack(built().stack).findWarning(
        '*',
        Match.stringLikeRegexp('No static export'),
      ),
    ).toEqual([]);
  });

  it('refuses a missing export, naming it and the fix, when requireWebExports is set', () => {
    for (const value of [true, 'true']) {
      expect(() =>
        buildEnvironment({ webExports: MISSING, context: { requireWebExports: value } }),
      ).toThrow(
        /static export of web\/app is missing \(no index.html in .*stack-env-no-such-export\/app\); run `npm run build -w web\/app`/,
      );
    }
    expect(() =>
      buildEnvironment({ webExports: BUILT, context: { requireWebExports: 'true' } }),
    ).not.toThrow();
  });
});

describe('Hosting: the hosting input', () => {
  it('creates no sites, and keeps CORS to the domain, when hosting is false', () => {
    // Prepare
    const { stack, template } = built({
      inputs: { hosting: false, domain: 'shop.example.com' },
    });

    // Assess
    expect(stack.hosting).toBeUndefined();
    // No site URLs to publish: a service referring to ${environment.publicSiteUrl} is refused.
    template.resourcePropertiesCountIs(
      'AWS::SSM::Parameter',
      { Name: Match.stringLikeRegexp('/hosting/') },
      0,
    );
    template.resourceCountIs('AWS::CloudFront::Distribution', 1);
    template.resourceCountIs('AWS::S3::Bucket', 0);
    template.hasResourceProperties('AWS::ApiGatewayV2::Api', {
      CorsConfiguration: Match.objectLike({
        AllowOrigins: ['https://shop.example.com', 'https://internal.shop.example.com'],
      }),
    });
  });

  it('lets the API answer the sites’ CloudFront origins (any origin) when hosting is on', () => {
    built({ inputs: { domain: 'shop.example.com' } }).template.hasResourceProperties(
      'AWS::ApiGatewayV2::Api',
      { CorsConfiguration: Match.objectLike({ AllowOrigins: ['*'] }) },
    );
  });
});
