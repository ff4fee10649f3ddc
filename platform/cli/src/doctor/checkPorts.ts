import { LOCAL_PORTS, resolvePort, type LocalPortName } from '@stack/local/ports';
import { isPortFree } from '../system/isPortFree.js';
import type { CheckResult } from './CheckResult.js';

/** Checks that every port of the local cloud is free (or reports the misconfiguration). */
export async function checkPorts(env: NodeJS.ProcessEnv): Promise<CheckResult[]> {
  const names = Object.keys(LOCAL_PORTS) as LocalPortName[];
  return Promise.all(names.map((name) => checkPort(name, env)));
}

async function checkPort(name: LocalPortName, env: NodeJS.ProcessEnv): Promise<CheckResult> {
  const variable = `STACK_PORT_${name.toUpperCase()}`;
  const check = `port ${name}`;
  const neededFor = 'npm start (local cloud)';
  let port: number;
  try {
    port = resolvePort(name, env);
  } catch (error) {
    return {
      name: check,
      ok: false,
      detail: (error as Error).message,
      neededFor,
      fix: `Set ${variable} to a free port number, or unset it to use ${LOCAL_PORTS[name]}.`,
    };
  }
  if (await isPortFree(port)) {
    return { name: check, ok: true, detail: `${port} is free`, neededFor };
  }
  return {
    name: check,
    ok: false,
    detail: `${port} is in use by another process`,
    neededFor,
    fix: `Stop what listens on ${port} (\`ss -ltnp 'sport = :${port}'\` shows it) or use another port: ${variable}=<port> npm start.`,
  };
}
