/** Reading and rewriting a safetensors header in the test, independently of the app's own codec. */

export interface TensorEntry {
  dtype: string;
  shape: number[];
  data_offsets: [number, number];
}

export interface Header {
  __metadata__?: Record<string, string>;
  [name: string]: TensorEntry | Record<string, string> | undefined;
}

/** [u64 little-endian N][N bytes of JSON][data]: the header and where the data starts. */
export function readHeader(bytes: Uint8Array): { header: Header; dataStart: number } {
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  const n = Number(view.getBigUint64(0, true));
  const json = new TextDecoder().decode(bytes.subarray(8, 8 + n));
  return { header: JSON.parse(json) as Header, dataStart: 8 + n };
}

export function tensor(header: Header, name: string): TensorEntry {
  const t = header[name] as TensorEntry | undefined;
  if (!t || !Array.isArray(t.shape)) throw new Error(`no tensor ${name} in the header`);
  return t;
}

/** The same file with a new header (padded with spaces to 8 bytes, as the format asks) and the same data. */
export function withHeader(bytes: Uint8Array, header: Header): Buffer {
  const { dataStart } = readHeader(bytes);
  const json = Buffer.from(JSON.stringify(header), 'utf8');
  const padded = Math.ceil(json.length / 8) * 8;
  const out = Buffer.alloc(8 + padded + (bytes.length - dataStart), 0x20);
  out.writeBigUInt64LE(BigInt(padded), 0);
  json.copy(out, 8);
  Buffer.from(bytes.subarray(dataStart)).copy(out, 8 + padded);
  return out;
}

/** Deterministic noise, so a "corrupt file" test fails the same way every run. */
export function noise(length: number, seed = 12345): Buffer {
  const out = Buffer.alloc(length);
  let s = seed >>> 0;
  for (let i = 0; i < length; i++) {
    s = (Math.imul(s, 1664525) + 1013904223) >>> 0;
    out[i] = s >>> 24;
  }
  return out;
}
