// Which processes have a database file open, to tell the operator what to stop. Linux only (it
// reads /proc); elsewhere it answers none and the message says what to stop in general terms.
import fs from 'node:fs';

export function processesHolding(file: string): number[] {
  let real: string;
  try {
    real = fs.realpathSync(file);
  } catch {
    return [];
  }
  const names = new Set([real, `${real}-wal`, `${real}-shm`]);
  const pids: number[] = [];
  let entries: string[];
  try {
    entries = fs.readdirSync('/proc').filter((e) => /^\d+$/.test(e) && Number(e) !== process.pid);
  } catch {
    return [];
  }
  for (const pid of entries) {
    let fds: string[];
    try {
      fds = fs.readdirSync(`/proc/${pid}/fd`);
    } catch {
      continue; // gone, or not ours to look at
    }
    for (const fd of fds) {
      try {
        if (names.has(fs.readlinkSync(`/proc/${pid}/fd/${fd}`))) {
          pids.push(Number(pid));
          break;
        }
      } catch {
        // closed meanwhile
      }
    }
  }
  return pids;
}
