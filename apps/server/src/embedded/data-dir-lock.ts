import { mkdirSync, openSync, readFileSync, rmSync, writeSync, closeSync } from "node:fs";
import { join } from "node:path";

export interface LockInfo {
  pid: number;
  /** Present when the holder is a server that accepts CLI commands on this Unix socket. */
  adminSocket: string | null;
}

export class DataDirBusyError extends Error {
  constructor(readonly holder: LockInfo) {
    super(`the data directory is held by another Relance process (pid ${holder.pid}); stop it or set another DATA_DIR`);
  }
}

const isAlive = (pid: number): boolean => {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === "EPERM";
  }
};

export const lockPathOf = (dataDir: string): string => join(dataDir, "relance.lock");

export const readLock = (dataDir: string): LockInfo | null => {
  try {
    const info = JSON.parse(readFileSync(lockPathOf(dataDir), "utf8")) as LockInfo;
    return isAlive(info.pid) ? info : null;
  } catch {
    return null;
  }
};

/**
 * PGlite must never be opened twice on one data directory: the first process takes this lock file (created
 * exclusively), a stale one left by a dead process is replaced, and a live holder makes the caller back off.
 */
export const acquireDataDirLock = (dataDir: string, adminSocket: string | null): (() => void) => {
  mkdirSync(dataDir, { recursive: true });
  const path = lockPathOf(dataDir);
  for (let attempt = 0; attempt < 2; attempt++) {
    try {
      const fd = openSync(path, "wx");
      writeSync(fd, JSON.stringify({ pid: process.pid, adminSocket } satisfies LockInfo));
      closeSync(fd);
      return () => rmSync(path, { force: true });
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== "EEXIST") throw error;
      const holder = readLock(dataDir);
      if (holder) throw new DataDirBusyError(holder);
      rmSync(path, { force: true });
    }
  }
  throw new Error(`Could not lock ${path}`);
};
