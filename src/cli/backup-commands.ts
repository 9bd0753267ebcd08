import type { Env } from '../server/env';
import type { CliIo } from './evaluate';

// `qianqi backup | restore | storage check` (issue #10). Placeholder signatures while the CLI is rebuilt; the
// implementation lands in the same issue.

export async function runBackup(_opts: { file: string; env: Env }, io: CliIo): Promise<number> {
  io.err('尚未实现');
  return 1;
}

export async function runRestore(_opts: { archive: string; env: Env }, io: CliIo): Promise<number> {
  io.err('尚未实现');
  return 1;
}

export async function runStorageCheck(_opts: { clean: boolean; env: Env }, io: CliIo): Promise<number> {
  io.err('尚未实现');
  return 1;
}
