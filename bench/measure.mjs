// Runs a command and measures its wall time and peak resident memory, summed over the process and
// any processes it starts (VmHWM from /proc, sampled every 20 ms).
import { spawn } from 'node:child_process';
import { readFileSync } from 'node:fs';

function peakMemoryOf(pid) {
  try {
    const match = /VmHWM:\s+(\d+) kB/.exec(readFileSync(`/proc/${pid}/status`, 'utf8'));
    return match ? Number(match[1]) * 1024 : undefined;
  } catch {
    return undefined;
  }
}

function processTree(pid) {
  let children = [];
  try {
    children = readFileSync(`/proc/${pid}/task/${pid}/children`, 'utf8').trim().split(/\s+/).filter(Boolean).map(Number);
  } catch {
    // The process ended while we looked: it has no children left to count.
  }
  return [pid, ...children.flatMap(processTree)];
}

/**
 * Runs `command args` and resolves with { seconds, peak, code, stderr }. Exit codes in `okCodes`
 * count as success (a linter exits 1 when it finds problems); anything else rejects.
 */
export function measure(command, args, { okCodes = [0, 1], cwd } = {}) {
  return new Promise((resolve, reject) => {
    const started = process.hrtime.bigint();
    const child = spawn(command, args, { stdio: ['ignore', 'ignore', 'pipe'], cwd });
    const peaks = new Map();
    let stderr = '';
    child.stderr.on('data', (d) => (stderr += d));
    const sample = () => {
      for (const pid of processTree(child.pid)) peaks.set(pid, Math.max(peaks.get(pid) ?? 0, peakMemoryOf(pid) ?? 0));
    };
    const timer = setInterval(sample, 20);
    child.on('error', reject);
    child.on('exit', (code) => {
      clearInterval(timer);
      const seconds = Number(process.hrtime.bigint() - started) / 1e9;
      const peak = [...peaks.values()].reduce((sum, bytes) => sum + bytes, 0);
      if (!okCodes.includes(code)) reject(new Error(`${command} ${args.join(' ')} exited ${code}: ${stderr.slice(0, 2000)}`));
      else resolve({ seconds, peak, code, stderr });
    });
  });
}

export const mb = (bytes) => `${(bytes / 1024 / 1024).toFixed(0)} MiB`;

export function median(values) {
  const sorted = [...values].sort((a, b) => a - b);
  const mid = sorted.length >> 1;
  return sorted.length % 2 ? sorted[mid] : (sorted[mid - 1] + sorted[mid]) / 2;
}
