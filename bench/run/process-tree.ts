import { spawn, type SpawnOptions } from 'node:child_process';
import fs from 'node:fs';
import { performance } from 'node:perf_hooks';

/** What a command cost: wall time and peak memory, from `/proc`. */
export interface CommandCost {
  /** Wall time from start to exit, in ms. */
  wallMs: number;
  /** The highest peak RSS (VmHWM) of any one process of the tree, in bytes. */
  largestProcessBytes: number;
  /** The command line of that process, to say which one it was. */
  largestProcess: string;
  /** The highest sum of RSS over the whole tree at one sample, in bytes. */
  treeBytes: number;
  /** What the command printed, stdout and stderr interleaved. */
  output: string;
  exitCode: number;
}

const SAMPLE_MS = 100;

/** Parent pid of every process, read from `/proc/<pid>/stat` (the field after the command's `)`). */
function parents(): Map<number, number> {
  const map = new Map<number, number>();
  for (const name of fs.readdirSync('/proc')) {
    if (!/^\d+$/.test(name)) continue;
    try {
      const stat = fs.readFileSync(`/proc/${name}/stat`, 'utf8');
      const ppid = Number(stat.slice(stat.lastIndexOf(')') + 2).split(' ')[1]);
      map.set(Number(name), ppid);
    } catch {
      // Gone between the listing and the read.
    }
  }
  return map;
}

/** `root` and every process below it. */
export function descendants(root: number, parentOf: ReadonlyMap<number, number>): number[] {
  const children = new Map<number, number[]>();
  for (const [pid, ppid] of parentOf) children.set(ppid, [...(children.get(ppid) ?? []), pid]);
  const found: number[] = [];
  const queue = [root];
  while (queue.length) {
    const pid = queue.pop() as number;
    found.push(pid);
    queue.push(...(children.get(pid) ?? []));
  }
  return found;
}

/** `VmRSS` and `VmHWM` in bytes from the text of `/proc/<pid>/status`. */
export function memoryOf(status: string): { rss: number; hwm: number } {
  const kb = (field: string) =>
    Number(new RegExp(`^${field}:\\s+(\\d+) kB`, 'm').exec(status)?.[1] ?? 0) * 1024;
  return { rss: kb('VmRSS'), hwm: kb('VmHWM') };
}

/**
 * Runs a command and samples the memory of its process tree every 100 ms. Peaks shorter than
 * a sample are caught for each process by its VmHWM, but not for the sum over the tree.
 */
export function runMeasured(
  command: string,
  args: readonly string[],
  options: SpawnOptions,
): Promise<CommandCost> {
  const started = performance.now();
  const child = spawn(command, args, { ...options, stdio: ['ignore', 'pipe', 'pipe'] });
  const chunks: Buffer[] = [];
  child.stdout?.on('data', (chunk: Buffer) => chunks.push(chunk));
  child.stderr?.on('data', (chunk: Buffer) => chunks.push(chunk));
  const peaks = new Map<number, { hwm: number; cmd: string }>();
  let treeBytes = 0;
  const sample = () => {
    if (!child.pid) return;
    let sum = 0;
    for (const pid of descendants(child.pid, parents())) {
      try {
        const { rss, hwm } = memoryOf(fs.readFileSync(`/proc/${pid}/status`, 'utf8'));
        sum += rss;
        if (hwm > (peaks.get(pid)?.hwm ?? 0)) {
          const cmd = fs.readFileSync(`/proc/${pid}/cmdline`, 'utf8').split('\0').filter(Boolean).join(' ');
          peaks.set(pid, { hwm, cmd });
        }
      } catch {
        // The process ended between the listing and the read.
      }
    }
    treeBytes = Math.max(treeBytes, sum);
  };
  const timer = setInterval(sample, SAMPLE_MS);
  sample();
  return new Promise((resolve, reject) => {
    child.once('error', reject);
    child.once('close', (code) => {
      clearInterval(timer);
      const wallMs = performance.now() - started;
      const largest = [...peaks.values()].sort((a, b) => b.hwm - a.hwm)[0];
      resolve({
        wallMs,
        largestProcessBytes: largest?.hwm ?? 0,
        largestProcess: largest?.cmd ?? '',
        treeBytes,
        output: Buffer.concat(chunks).toString('utf8'),
        exitCode: code ?? 1,
      });
    });
  });
}
