import { spawn } from 'node:child_process';
import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

/** The built service as a process of its own, so its memory is its own (the test runner's is not counted). */
export interface ServiceProcess {
  url: string;
  /** Resident memory now, in MB (/proc). */
  rssMb(): number;
  stop(): Promise<void>;
}

/** Starts dist/adapters/server.js on loopback with these settings (and a SQLite file of its own). */
export async function spawnService(env: Record<string, string>): Promise<ServiceProcess> {
  const server = fileURLToPath(new URL('../../dist/adapters/server.js', import.meta.url));
  const child = spawn(process.execPath, [server], {
    env: { ...process.env, PORT: '0', HOST: '127.0.0.1', LOG_LEVEL: 'info', DATABASE_PATH: join(mkdtempSync(join(tmpdir(), 'advisor-proc-')), 'advisor.db'), ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let out = '';
  child.stderr.on('data', (d) => (out += d));
  const port = await new Promise<number>((resolve, reject) => {
    child.stdout.on('data', (d: Buffer) => {
      out += d;
      const found = /"port":(\d+)/.exec(out);
      if (found) resolve(Number(found[1]));
    });
    child.once('exit', (code) => reject(new Error(`the service exited with ${code}: ${out}`)));
  });
  return {
    url: `http://127.0.0.1:${port}`,
    rssMb: () => Number(/VmRSS:\s+(\d+)/.exec(readFileSync(`/proc/${child.pid}/status`, 'utf8'))?.[1] ?? 0) / 1024,
    stop: () =>
      new Promise<void>((resolve) => {
        if (child.exitCode !== null) return resolve();
        child.once('exit', () => resolve());
        child.kill('SIGTERM');
      }),
  };
}
