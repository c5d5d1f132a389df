import { mkdirSync, watch, type FSWatcher } from 'node:fs';
import { currentVersionDir } from '../index/versions.ts';

export interface VersionWatch {
  close(): void;
}

/**
 * Calls `onVersion` with the published version folder each time the `current` pointer of `indexDir`
 * changes from `known`. fs.watch reports the rename at once where the platform supports it; a slow poll of the
 * pointer (one readlink) covers file systems where it does not (network mounts, some containers).
 */
export function watchPublishedVersion(indexDir: string, onVersion: (directory: string) => void, options: { pollMs: number; known: string | null }): VersionWatch {
  let last = options.known;
  let checking = false;
  let again = false;
  const check = async () => {
    if (checking) {
      again = true;
      return;
    }
    checking = true;
    try {
      do {
        again = false;
        const now = await currentVersionDir(indexDir);
        if (now && now !== last) onVersion(now);
        last = now;
      } while (again);
    } finally {
      checking = false;
    }
  };
  mkdirSync(indexDir, { recursive: true });
  let watcher: FSWatcher | undefined;
  try {
    watcher = watch(indexDir, { persistent: false }, () => void check());
    watcher.on('error', () => watcher?.close());
  } catch {
    watcher = undefined;
  }
  const timer = setInterval(() => void check(), options.pollMs);
  timer.unref();
  void check();
  return {
    close() {
      clearInterval(timer);
      watcher?.close();
    },
  };
}
