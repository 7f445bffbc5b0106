import type { Booted } from '../boot.ts';

/** What a CLI command gets: output channels and a way to open the configured database. */
export type CliIo = {
  out(line: string): void;
  err(line: string): void;
  /** Opens DATA_DIR / DATABASE_URL and migrates; the caller must `handle.close()`. */
  open(): Promise<Booted>;
};

/** A command returns its exit code: 0 ok, 1 check failed, 2 usage error. */
export type CliCommand = (argv: string[], io: CliIo) => Promise<number>;

export class UsageError extends Error {}
