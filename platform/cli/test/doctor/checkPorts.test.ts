import { afterEach, describe, expect, it } from '@jest/globals';
import { createServer, type Server } from 'node:net';
import { checkPorts } from '../../src/doctor/checkPorts.js';

async function listenOnFreePort(): Promise<{ server: Server; port: number }> {
  const server = createServer();
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const address = server.address();
  if (address === null || typeof address === 'string') throw new Error('no TCP address');
  return { server, port: address.port };
}

describe('Function: checkPorts', () => {
  let busy: Server | undefined;
  afterEach(async () => {
    await new Promise((resolve) => (busy ? busy.close(resolve) : resolve(undefined)));
    busy = undefined;
  });

  it('reports a port in use and how to move it', async () => {
    const { server, port } = await listenOnFreePort();
    busy = server;
    const results = await checkPorts({ STACK_PORT_API: String(port), STACK_PORT_DYNAMODB: '0' });
    const api = results.find((result) => result.name === 'port api');
    expect(api).toMatchObject({ ok: false, detail: `${port} is in use by another process` });
    expect(api?.fix).toContain(`STACK_PORT_API=<port> npm start`);
  });

  it('reports a free port as ok', async () => {
    const { server, port } = await listenOnFreePort();
    await new Promise((resolve) => server.close(resolve));
    const results = await checkPorts({ STACK_PORT_API: String(port) });
    expect(results.find((result) => result.name === 'port api')).toMatchObject({
      ok: true,
      detail: `${port} is free`,
    });
  });

  it('rejects a port variable that is not a number', async () => {
    const results = await checkPorts({ STACK_PORT_DYNAMODB: 'eight-thousand' });
    const dynamodb = results.find((result) => result.name === 'port dynamodb');
    expect(dynamodb).toMatchObject({
      ok: false,
      detail: 'STACK_PORT_DYNAMODB=eight-thousand is not a port number (0-65535)',
    });
  });
});
