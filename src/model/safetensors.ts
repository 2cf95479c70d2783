/**
 * A safetensors codec in plain TypeScript (no tfjs), so checkpoints move between this app and PyTorch.
 *
 * Layout: [u64 LE header length N][N bytes UTF-8 JSON header][raw little-endian tensor data].
 * The header maps each tensor name to {dtype, shape, data_offsets: [begin, end)} (offsets relative to
 * the start of the data section) and may hold "__metadata__": {string: string}.
 * We write F32 only; we read F32, F16 and BF16 (PyTorch users often save half precision) into float32.
 * What reading a file can find wrong is said in the person's language (i18n errors.safetensors);
 * what writing can, only our own code causes, in English.
 */
import { t } from '../i18n/i18n';

export interface NamedTensor {
  name: string;
  /** Row-major (C order) shape, PyTorch convention: a Linear weight is (out, in). */
  shape: number[];
  data: Float32Array;
}

export class CheckpointError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'CheckpointError';
  }
}

const METADATA_KEY = '__metadata__';
/** Bytes per element of each dtype we can read. */
const DTYPE_SIZE: Record<string, number> = { F32: 4, F16: 2, BF16: 2 };
/** Every dtype the safetensors spec names, so an unsupported one is reported by name, not as garbage. */
const KNOWN_DTYPES = new Set([
  'BOOL',
  'U8',
  'I8',
  'U16',
  'I16',
  'U32',
  'I32',
  'U64',
  'I64',
  'F64',
  'F8_E4M3',
  'F8_E5M2',
]);
/** The reference implementation refuses headers above 100 MB; a bigger one is corruption, not a model. */
const MAX_HEADER_BYTES = 100_000_000;

const LITTLE_ENDIAN_HOST = new Uint8Array(new Uint32Array([1]).buffer)[0] === 1;

const product = (shape: number[]): number => shape.reduce((a, b) => a * b, 1);

export function encodeSafetensors(tensors: NamedTensor[], metadata: Record<string, string>): Uint8Array {
  const header: Record<string, unknown> = {};
  for (const [k, v] of Object.entries(metadata)) {
    if (typeof v !== 'string') throw new CheckpointError(`metadata value for "${k}" is not a string`);
  }
  // __metadata__ first, as PyTorch's safetensors writes it; it is just another JSON key.
  if (Object.keys(metadata).length > 0) header[METADATA_KEY] = metadata;

  let offset = 0;
  for (const t of tensors) {
    if (t.name === METADATA_KEY)
      throw new CheckpointError(`"${METADATA_KEY}" is reserved, not a tensor name`);
    if (t.name in header) throw new CheckpointError(`duplicate tensor name "${t.name}"`);
    if (!t.shape.every((d) => Number.isInteger(d) && d >= 0)) {
      throw new CheckpointError(`tensor "${t.name}" has an invalid shape [${t.shape}]`);
    }
    if (product(t.shape) !== t.data.length) {
      throw new CheckpointError(
        `tensor "${t.name}" has shape [${t.shape}] (${product(t.shape)} values) but ${t.data.length} values`,
      );
    }
    header[t.name] = { dtype: 'F32', shape: t.shape, data_offsets: [offset, offset + t.data.byteLength] };
    offset += t.data.byteLength;
  }

  const json = new TextEncoder().encode(JSON.stringify(header));
  // Pad with spaces (valid JSON whitespace) so the data section starts 8-byte aligned.
  const headerLen = Math.ceil((8 + json.length) / 8) * 8 - 8;
  const out = new Uint8Array(8 + headerLen + offset);
  const view = new DataView(out.buffer);
  view.setBigUint64(0, BigInt(headerLen), true);
  out.set(json, 8);
  out.fill(0x20, 8 + json.length, 8 + headerLen);

  let pos = 8 + headerLen;
  for (const t of tensors) {
    // Copy the raw bits (via u32, never through a JS number) so NaN payloads and -0 survive exactly.
    const bits = new Uint32Array(t.data.buffer, t.data.byteOffset, t.data.length);
    if (LITTLE_ENDIAN_HOST) out.set(new Uint8Array(bits.buffer, bits.byteOffset, bits.byteLength), pos);
    else for (let i = 0; i < bits.length; i++) view.setUint32(pos + 4 * i, bits[i], true);
    pos += t.data.byteLength;
  }
  return out;
}

interface Entry {
  name: string;
  dtype: string;
  shape: number[];
  begin: number;
  end: number;
}

export function decodeSafetensors(bytes: Uint8Array): {
  tensors: Map<string, NamedTensor>;
  metadata: Record<string, string>;
} {
  if (bytes.length < 8) {
    throw new CheckpointError(t('errors.safetensors.tooShort', { bytes: String(bytes.length) }));
  }
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  const n = view.getBigUint64(0, true);
  if (n > BigInt(bytes.length - 8)) {
    throw new CheckpointError(
      t('errors.safetensors.headerPastEnd', { n: String(n), bytes: String(bytes.length) }),
    );
  }
  const headerLen = Number(n);
  if (headerLen > MAX_HEADER_BYTES)
    throw new CheckpointError(t('errors.safetensors.headerTooLong', { n: String(headerLen) }));

  let header: unknown;
  try {
    const text = new TextDecoder('utf-8', { fatal: true }).decode(bytes.subarray(8, 8 + headerLen));
    header = JSON.parse(text);
  } catch (e) {
    throw new CheckpointError(t('errors.safetensors.headerJson', { reason: (e as Error).message }));
  }
  if (typeof header !== 'object' || header === null || Array.isArray(header)) {
    throw new CheckpointError(t('errors.safetensors.headerNotObject'));
  }

  const data = bytes.subarray(8 + headerLen); // the data section; offsets are relative to it
  const metadata: Record<string, string> = {};
  const entries: Entry[] = [];
  for (const [name, value] of Object.entries(header as Record<string, unknown>)) {
    if (name === METADATA_KEY) {
      if (typeof value !== 'object' || value === null || Array.isArray(value)) {
        throw new CheckpointError(t('errors.safetensors.metadataNotObject', { key: METADATA_KEY }));
      }
      for (const [k, v] of Object.entries(value as Record<string, unknown>)) {
        if (typeof v !== 'string')
          throw new CheckpointError(t('errors.safetensors.metadataNotString', { key: k }));
        metadata[k] = v;
      }
      continue;
    }
    entries.push(parseEntry(name, value, data.length));
  }

  // Tensors must not share bytes: sorted by start, each must begin at or after the previous end.
  const sorted = [...entries].sort((a, b) => a.begin - b.begin || a.end - b.end);
  for (let i = 1; i < sorted.length; i++) {
    const [prev, cur] = [sorted[i - 1], sorted[i]];
    if (cur.begin < prev.end) {
      throw new CheckpointError(t('errors.safetensors.overlap', { a: prev.name, b: cur.name }));
    }
  }

  const tensors = new Map<string, NamedTensor>();
  for (const e of entries) {
    tensors.set(e.name, {
      name: e.name,
      shape: e.shape,
      data: toFloat32(data.subarray(e.begin, e.end), e.dtype),
    });
  }
  return { tensors, metadata };
}

/** Validates one header entry against the data section length (in bytes). */
function parseEntry(name: string, value: unknown, dataLength: number): Entry {
  if (typeof value !== 'object' || value === null || Array.isArray(value)) {
    throw new CheckpointError(t('errors.safetensors.entryNotObject', { name }));
  }
  const { dtype, shape, data_offsets: offsets } = value as Record<string, unknown>;
  if (dtype === undefined) throw new CheckpointError(t('errors.safetensors.noDtype', { name }));
  if (typeof dtype !== 'string')
    throw new CheckpointError(t('errors.safetensors.invalidDtype', { name, dtype: JSON.stringify(dtype) }));
  if (!(dtype in DTYPE_SIZE)) {
    const what = KNOWN_DTYPES.has(dtype) ? 'unsupportedDtype' : 'unknownDtype';
    throw new CheckpointError(t(`errors.safetensors.${what}`, { name, dtype }));
  }
  if (!Array.isArray(shape) || !shape.every((d) => Number.isSafeInteger(d) && d >= 0)) {
    throw new CheckpointError(
      t('errors.safetensors.invalidShape', { name, shape: String(JSON.stringify(shape)) }),
    );
  }
  if (
    !Array.isArray(offsets) ||
    offsets.length !== 2 ||
    !offsets.every((o) => Number.isSafeInteger(o) && o >= 0) ||
    offsets[0] > offsets[1]
  ) {
    throw new CheckpointError(
      t('errors.safetensors.invalidOffsets', { name, offsets: String(JSON.stringify(offsets)) }),
    );
  }
  const [begin, end] = offsets as [number, number];
  const expected = product(shape) * DTYPE_SIZE[dtype];
  if (end - begin !== expected) {
    throw new CheckpointError(
      t('errors.safetensors.sizeMismatch', {
        name,
        shape: String(shape),
        dtype,
        expected: String(expected),
        begin: String(begin),
        end: String(end),
        span: String(end - begin),
      }),
    );
  }
  if (end > dataLength) {
    throw new CheckpointError(
      t('errors.safetensors.outOfBounds', {
        name,
        begin: String(begin),
        end: String(end),
        length: String(dataLength),
      }),
    );
  }
  return { name, dtype, shape: shape as number[], begin, end };
}

/** Copies little-endian raw bytes into a fresh (hence aligned) Float32Array, widening halves exactly. */
function toFloat32(raw: Uint8Array, dtype: string): Float32Array {
  const size = DTYPE_SIZE[dtype];
  const n = raw.length / size;
  const out = new Float32Array(n);
  const bits = new Uint32Array(out.buffer); // write float32 bit patterns directly
  const view = new DataView(raw.buffer, raw.byteOffset, raw.byteLength);
  if (dtype === 'F32') {
    if (LITTLE_ENDIAN_HOST) new Uint8Array(out.buffer).set(raw);
    else for (let i = 0; i < n; i++) bits[i] = view.getUint32(4 * i, true);
  } else if (dtype === 'BF16') {
    // bfloat16 is the top half of a float32.
    for (let i = 0; i < n; i++) bits[i] = view.getUint16(2 * i, true) << 16;
  } else {
    for (let i = 0; i < n; i++) bits[i] = halfToFloatBits(view.getUint16(2 * i, true));
  }
  return out;
}

/** IEEE binary16 bits → binary32 bits (exact: every half is representable as a float). */
function halfToFloatBits(h: number): number {
  const sign = (h & 0x8000) << 16;
  const exp = (h >> 10) & 0x1f;
  let mant = h & 0x3ff;
  if (exp === 0x1f) return (sign | 0x7f800000 | (mant << 13)) >>> 0; // inf / NaN (payload kept)
  if (exp !== 0) return (sign | ((exp - 15 + 127) << 23) | (mant << 13)) >>> 0; // normal
  if (mant === 0) return sign >>> 0; // ±0
  // Subnormal half: renormalise. value = mant × 2^-24; shift until the implicit bit (0x400) is set.
  let e = -14;
  while ((mant & 0x400) === 0) {
    mant <<= 1;
    e--;
  }
  return (sign | ((e + 127) << 23) | ((mant & 0x3ff) << 13)) >>> 0;
}
