import { createServer } from 'node:net';

/** Whether something on this machine already listens on a port of 127.0.0.1 or all interfaces. */
function inUse(port: number): Promise<boolean> {
  return new Promise((resolve) => {
    const server = createServer();
    server.once('error', () => resolve(true));
    server.listen(port, () => server.close(() => resolve(false)));
  });
}

/** A port of the local cloud that something else already holds. */
export class PortsInUseError extends Error {
  override readonly name = 'PortsInUseError';
  constructor(readonly ports: readonly { readonly name: string; readonly port: number }[]) {
    super(
      [
        `${ports.length === 1 ? 'A port' : 'Ports'} of the local stage ${ports.length === 1 ? 'is' : 'are'} in use; nothing was started:`,
        ...ports.map(
          ({ name, port }) =>
            `  ${name}: ${port} — stop what listens there, or move it with STACK_PORT_${name.toUpperCase()}=<port> (0 = any free port)`,
        ),
      ].join('\n'),
    );
  }
}

/**
 * Checks, before anything starts, that every fixed port is free, and throws one error naming
 * each taken port and the variable that moves it. Port 0 (any free port) is never taken.
 */
export async function checkPortsFree(ports: Readonly<Record<string, number>>): Promise<void> {
  const taken: { name: string; port: number }[] = [];
  for (const [name, port] of Object.entries(ports)) {
    if (port !== 0 && (await inUse(port))) taken.push({ name, port });
  }
  if (taken.length > 0) throw new PortsInUseError(taken);
}
