import { open, readFile, writeFile } from 'node:fs/promises';

/**
 * A file of typed arrays plus a small JSON header: loading is one read and a view per array, with no
 * decoding pass (v8.deserialize copies every array and rebuilds every string). Arrays sit at 8-byte
 * aligned offsets so the views need no copy.
 */
const MAGIC = 0x31415a54; // "TZA1" little-endian
const ALIGN = 8;

type ArrayKind = 'u8' | 'u32' | 'f32' | 'f64';
export type TypedArray = Uint8Array | Uint32Array | Float32Array | Float64Array;

const CONSTRUCTORS = { u8: Uint8Array, u32: Uint32Array, f32: Float32Array, f64: Float64Array } as const;

function kindOf(array: TypedArray): ArrayKind {
  if (array instanceof Uint8Array) return 'u8';
  if (array instanceof Uint32Array) return 'u32';
  if (array instanceof Float32Array) return 'f32';
  return 'f64';
}

const aligned = (n: number) => Math.ceil(n / ALIGN) * ALIGN;

export async function writeTypedFile(file: string, meta: Record<string, unknown>, arrays: Record<string, TypedArray>): Promise<void> {
  const entries: { name: string; kind: ArrayKind; offset: number; length: number }[] = [];
  let offset = 0;
  for (const [name, array] of Object.entries(arrays)) {
    entries.push({ name, kind: kindOf(array), offset, length: array.length });
    offset = aligned(offset + array.byteLength);
  }
  const header = Buffer.from(JSON.stringify({ meta, arrays: entries }));
  const start = aligned(8 + header.length);
  const out = Buffer.alloc(start + offset);
  out.writeUInt32LE(MAGIC, 0);
  out.writeUInt32LE(header.length, 4);
  header.copy(out, 8);
  for (const [i, array] of Object.values(arrays).entries()) out.set(new Uint8Array(array.buffer, array.byteOffset, array.byteLength), start + entries[i]!.offset);
  await writeFile(file, out);
}

/** An array left on disk: where its elements start in the file, and how many there are. */
export interface ArrayOnDisk {
  byteOffset: number;
  length: number;
}

/**
 * Reads a file's header and every array but the `onDisk` ones, which are located, not read: a caller
 * reads slices of them when it needs them, so they cost no memory (the page cache keeps the hot ones).
 */
export async function openTypedFile(file: string, onDisk: readonly string[]) {
  const handle = await open(file, 'r');
  try {
    const head = Buffer.alloc(8);
    await handle.read(head, 0, 8, 0);
    if (head.readUInt32LE(0) !== MAGIC) throw new Error(`${file} is not an index array file`);
    const headerBytes = Buffer.alloc(head.readUInt32LE(4));
    await handle.read(headerBytes, 0, headerBytes.length, 8);
    const header = JSON.parse(headerBytes.toString('utf8')) as { meta: Record<string, unknown>; arrays: { name: string; kind: ArrayKind; offset: number; length: number }[] };
    const start = aligned(8 + headerBytes.length);
    const { size } = await handle.stat();
    const arrays: Record<string, TypedArray> = {};
    const located: Record<string, ArrayOnDisk> = {};
    for (const { name, kind, offset, length } of header.arrays) {
      const Constructor = CONSTRUCTORS[kind];
      const byteLength = length * Constructor.BYTES_PER_ELEMENT;
      if (start + offset + byteLength > size) throw new Error(`${file} is truncated`);
      if (onDisk.includes(name)) located[name] = { byteOffset: start + offset, length };
      else {
        const array = new Constructor(length);
        await handle.read(new Uint8Array(array.buffer), 0, byteLength, start + offset);
        arrays[name] = array;
      }
    }
    return { meta: header.meta, arrays, located };
  } finally {
    await handle.close();
  }
}

export async function readTypedFile(file: string): Promise<{ meta: Record<string, unknown>; arrays: Record<string, TypedArray> }> {
  let bytes: Uint8Array = await readFile(file);
  if (bytes.byteOffset % ALIGN !== 0) bytes = new Uint8Array(bytes);
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  if (bytes.byteLength < 8 || view.getUint32(0, true) !== MAGIC) throw new Error(`${file} is not an index array file`);
  const headerLength = view.getUint32(4, true);
  const header = JSON.parse(Buffer.from(bytes.buffer, bytes.byteOffset + 8, headerLength).toString('utf8')) as {
    meta: Record<string, unknown>;
    arrays: { name: string; kind: ArrayKind; offset: number; length: number }[];
  };
  const start = aligned(8 + headerLength);
  const arrays: Record<string, TypedArray> = {};
  for (const { name, kind, offset, length } of header.arrays) {
    const Constructor = CONSTRUCTORS[kind];
    if (start + offset + length * Constructor.BYTES_PER_ELEMENT > bytes.byteLength) throw new Error(`${file} is truncated`);
    arrays[name] = new Constructor(bytes.buffer as ArrayBuffer, bytes.byteOffset + start + offset, length);
  }
  return { meta: header.meta, arrays };
}
