/** Which page of a paged document (PDF) an offset falls on, from the page starts recorded in the manifest. */
import type { Manifest } from './manifest.ts';
import type { PageLocation } from '../types.ts';

export interface PageLocator {
  locate(source: string, offset: number): PageLocation;
}

export function pageLocator(files: Manifest['files']): PageLocator {
  return {
    locate(source, offset) {
      const file = Object.hasOwn(files, source) ? files[source] : undefined;
      const starts = file?.pageStarts;
      if (!file || !starts?.length) return {};
      const page = pageAt(starts, offset);
      return file.ocrPages?.includes(page) ? { page, ocr: true } : { page };
    },
  };
}

/** The last page starting at or before `offset` (binary search; an empty page shares its start with the next). */
function pageAt(starts: readonly number[], offset: number): number {
  let low = 0;
  let high = starts.length - 1;
  while (low < high) {
    const mid = (low + high + 1) >> 1;
    if (starts[mid]! <= offset) low = mid;
    else high = mid - 1;
  }
  return low + 1;
}
