import { cpus, loadavg, totalmem } from 'node:os';

/** The machine a bench ran on, as PERFORMANCE.md prints it. */
export interface MachineInfo {
  readonly cpuModel: string;
  readonly cpuCount: number;
  readonly memoryGiB: number;
  readonly node: string;
  /** 1, 5 and 15 minute load averages when the bench started: how busy the machine was. */
  readonly loadAverage: readonly number[];
}

/** Describes this machine. */
export function machineInfo(): MachineInfo {
  const list = cpus();
  return {
    cpuModel: list[0]?.model.trim() ?? 'unknown CPU',
    cpuCount: list.length,
    memoryGiB: totalmem() / 1024 ** 3,
    node: process.version,
    loadAverage: loadavg(),
  };
}

/** One line, e.g. `2 × Intel Xeon …, 23.5 GiB, Node v20.20.2, load 0.50 / 1.26 / 1.80`. */
export function describeMachine(machine: MachineInfo): string {
  const load = machine.loadAverage.map((value) => value.toFixed(2)).join(' / ');
  return `${machine.cpuCount} × ${machine.cpuModel}, ${machine.memoryGiB.toFixed(1)} GiB, Node ${machine.node}, load average ${load} at start`;
}
