/** Upload names → safe file names directly inside the documents folder. */
import { resolve, sep } from 'node:path';
import { formatOfName } from '../../ingest/formats.ts';

/** Bytes most file systems allow in one name. */
const MAX_NAME_BYTES = 255;
/** Characters Windows forbids, controls, and the path separators (only the last segment of a path is kept). */
const UNSAFE = /[<>:"|?*\u0000-\u001f\u007f]/g;

/**
 * The name an upload is stored under, or null when nothing usable is left: the last path segment only, NFC,
 * without control or reserved characters, no leading dots (hidden files are not read), a document extension.
 */
export function safeFileName(uploaded: string): string | null {
  const last = uploaded.split(/[\\/]/).pop() ?? '';
  const name = last.normalize('NFC').replace(UNSAFE, '').trim().replace(/^[.\s]+/, '').replace(/[.\s]+$/, '');
  if (!name || Buffer.byteLength(name) > MAX_NAME_BYTES || !formatOfName(name)) return null;
  return name;
}

/** The absolute path of `source` (a path relative to the folder) when it stays inside the folder, else null. */
export function pathInside(folder: string, source: string): string | null {
  const root = resolve(folder);
  const path = resolve(root, source);
  return path.startsWith(root + sep) ? path : null;
}
