import type { DevManifest } from '@stack/local';

/** The banner `stack dev` prints once the stage answers: URLs, resources, how to try it. */
export function formatDevSummary(manifest: DevManifest, elapsedMs: number): string {
  const rows: [string, string][] = [
    ['GraphQL API', manifest.api],
    ['Token issuer', `${manifest.auth}/.well-known/openid-configuration`],
    ['DynamoDB Local', `${manifest.dynamodb} (table ${manifest.table})`],
    ['EventBridge', `${manifest.eventbridge} (bus ${manifest.eventBus}, fed by the table stream)`],
    [
      'SQS (fauxqs)',
      `${manifest.sqs} (${Object.keys(manifest.queues).length} event worker queue(s): ${Object.keys(manifest.queues).join(', ') || 'none'})`,
    ],
    ['Topology', manifest.topology],
    ['State', '.stack/ (dev.json has every URL and demo tokens)'],
  ];
  const width = Math.max(...rows.map(([name]) => name.length));
  const query = `{"query":"{ products(first: 3) { edges { node { title reviews(first: 2) { edges { node { rating author { name } } } } } } } }"}`;
  return [
    '',
    ...rows.map(([name, value]) => `  ${name.padEnd(width)}  ${value}`),
    '',
    `  Demo users: ${Object.keys(manifest.tokens).join(', ')} (ada is an admin).`,
    '  Try:',
    `    curl -s ${manifest.api} -H 'content-type: application/json' -d '${query}'`,
    `    curl -s ${manifest.api} -H 'content-type: application/json' \\`,
    `      -H "authorization: Bearer $(node -p "require('./.stack/dev.json').tokens.alice")" -d '{"query":"{ me { name email } }"}'`,
    '',
    `ready in ${(elapsedMs / 1000).toFixed(1)} s — press Ctrl-C to stop`,
    '',
  ].join('\n');
}
