/** What the machine a measurement ran on is called, for the results files of the bench and `measure:pages`. */
import { readFileSync } from 'node:fs';
import os from 'node:os';

/** The CPU's model name: /proc/cpuinfo's, which names the part where os.cpus() may not, else os.cpus()'s. */
export function cpuModel(): string {
  try {
    const line = readFileSync('/proc/cpuinfo', 'utf8')
      .split('\n')
      .find((l) => l.startsWith('model name'));
    if (line) return line.split(':').slice(1).join(':').trim();
  } catch {
    /* not Linux */
  }
  return os.cpus()[0]?.model ?? 'unknown';
}
