import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { CheckpointError, decodeSafetensors, encodeSafetensors, type NamedTensor } from './safetensors';

/** Builds a raw file from a header object and a data section, to forge corrupt or foreign files. */
function rawFile(header: unknown, data: Uint8Array = new Uint8Array(0), headerText?: string): Uint8Array {
  const json = new TextEncoder().encode(headerText ?? JSON.stringify(header));
  const out = new Uint8Array(8 + json.length + data.length);
  new DataView(out.buffer).setBigUint64(0, BigInt(json.length), true);
  out.set(json, 8);
  out.set(data, 8 + json.length);
  return out;
}

const bitsOf = (a: Float32Array) => Array.from(new Uint32Array(a.buffer, a.byteOffset, a.length));

function f32(values: number[] | Uint32Array): Float32Array {
  return values instanceof Uint32Array ? new Float32Array(values.buffer) : Float32Array.from(values);
}

const expectError = (bytes: Uint8Array, message: RegExp) => {
  expect(() => decodeSafetensors(bytes)).toThrow(CheckpointError);
  expect(() => decodeSafetensors(bytes)).toThrow(message);
};

describe('safetensors round-trip', () => {
  const special = f32(
    new Uint32Array([
      0x7fc00000, // NaN
      0x7fa00001, // NaN with a payload
      0xffc00123, // negative NaN with a payload
      0x80000000, // -0
      0x00000001, // smallest denormal
      0x807fffff, // largest negative denormal
      0x7f800000, // +inf
      0xff800000, // -inf
      0x7f7fffff, // max float
      0x3f800000, // 1
    ]),
  );
  const tensors: NamedTensor[] = [
    { name: 'transformer.wte.weight', shape: [2, 5], data: special },
    { name: 'transformer.ln_f.bias', shape: [3], data: f32([0.1, -2.5, 1e-30]) },
    { name: 'scalar', shape: [], data: f32([Math.PI]) },
    { name: 'empty', shape: [0, 4], data: new Float32Array(0) },
  ];
  const metadata = { config: '{"n_layer":2}', step: '300', note: 'ünïcødé ✓ "quoted"' };

  it('is bit-exact, keeps shapes, order and metadata', () => {
    const bytes = encodeSafetensors(tensors, metadata);
    const { tensors: out, metadata: meta } = decodeSafetensors(bytes);
    expect([...out.keys()]).toEqual(tensors.map((t) => t.name));
    for (const t of tensors) {
      const got = out.get(t.name)!;
      expect(got.shape).toEqual(t.shape);
      expect(bitsOf(got.data)).toEqual(bitsOf(t.data));
    }
    expect(meta).toEqual(metadata);
  });

  it('aligns the data section to 8 bytes and pads the header with spaces', () => {
    const bytes = encodeSafetensors(tensors, metadata);
    const n = Number(new DataView(bytes.buffer).getBigUint64(0, true));
    expect((8 + n) % 8).toBe(0);
    const header = new TextDecoder().decode(bytes.subarray(8, 8 + n));
    expect(header.trimEnd().endsWith('}')).toBe(true);
    expect(JSON.parse(header).__metadata__).toEqual(metadata);
    expect(JSON.parse(header)['transformer.ln_f.bias']).toEqual({
      dtype: 'F32',
      shape: [3],
      data_offsets: [40, 52],
    });
  });

  it('copies from an unaligned view into fresh aligned arrays', () => {
    const bytes = encodeSafetensors(tensors, metadata);
    const shifted = new Uint8Array(bytes.length + 3);
    shifted.set(bytes, 3);
    const { tensors: out } = decodeSafetensors(shifted.subarray(3)); // byteOffset 3: not 4-aligned
    const got = out.get('transformer.ln_f.bias')!.data;
    expect(got.byteOffset).toBe(0);
    expect(got.buffer).not.toBe(shifted.buffer);
    expect(bitsOf(got)).toEqual(bitsOf(tensors[1].data));
  });

  it('encodes a subarray view of a larger buffer', () => {
    const big = f32([9, 1, 2, 3, 9]);
    const bytes = encodeSafetensors([{ name: 'x', shape: [3], data: big.subarray(1, 4) }], {});
    expect(Array.from(decodeSafetensors(bytes).tensors.get('x')!.data)).toEqual([1, 2, 3]);
    expect(decodeSafetensors(bytes).metadata).toEqual({});
  });

  it('refuses to encode inconsistent tensors', () => {
    expect(() => encodeSafetensors([{ name: 'x', shape: [2, 2], data: f32([1, 2, 3]) }], {})).toThrow(
      /shape \[2,2\] \(4 values\) but 3 values/,
    );
    const t = { name: 'x', shape: [1], data: f32([1]) };
    expect(() => encodeSafetensors([t, t], {})).toThrow(/duplicate tensor name "x"/);
  });
});

describe('safetensors half-precision decode', () => {
  it('reads F16 known values', () => {
    // 1, -2, 0.5, 65504 (max), 2^-14 (min normal), 2^-24 (min subnormal), 1023·2^-24, -0, inf, -inf
    const halves = [0x3c00, 0xc000, 0x3800, 0x7bff, 0x0400, 0x0001, 0x03ff, 0x8000, 0x7c00, 0xfc00, 0x3555];
    const data = new Uint8Array(new Uint16Array(halves).buffer);
    const file = rawFile({ h: { dtype: 'F16', shape: [11], data_offsets: [0, 22] } }, data);
    const got = Array.from(decodeSafetensors(file).tensors.get('h')!.data);
    expect(got.slice(0, 10)).toEqual([
      1,
      -2,
      0.5,
      65504,
      2 ** -14,
      2 ** -24,
      1023 * 2 ** -24,
      -0,
      Infinity,
      -Infinity,
    ]);
    expect(Object.is(got[7], -0)).toBe(true);
    expect(got[10]).toBe(0.333251953125); // 0x3555: the half nearest 1/3
  });

  it('reads F16 NaN as NaN', () => {
    const file = rawFile(
      { h: { dtype: 'F16', shape: [1], data_offsets: [0, 2] } },
      new Uint8Array(new Uint16Array([0x7e00]).buffer),
    );
    expect(Number.isNaN(decodeSafetensors(file).tensors.get('h')!.data[0])).toBe(true);
  });

  it('reads BF16 known values', () => {
    // 1, -2, pi (0x4049 → 3.140625), float32 denormal (0x0001 → 2^-133 ≈ 9.2e-41), -0
    const data = new Uint8Array(new Uint16Array([0x3f80, 0xc000, 0x4049, 0x0001, 0x8000]).buffer);
    const file = rawFile({ b: { dtype: 'BF16', shape: [5], data_offsets: [0, 10] } }, data);
    const got = Array.from(decodeSafetensors(file).tensors.get('b')!.data);
    expect(got).toEqual([1, -2, 3.140625, 2 ** -133, -0]);
  });
});

describe('safetensors corrupt files', () => {
  const good = encodeSafetensors([{ name: 'w', shape: [2, 2], data: f32([1, 2, 3, 4]) }], { step: '1' });
  const four = new Uint8Array(16);

  it('too short', () => {
    expectError(new Uint8Array(5), /file too short \(5 bytes\)/);
  });

  it('truncated: header length larger than the file', () => {
    expectError(good.subarray(0, 20), /header length \d+ is larger than the file \(20 bytes\)/);
    const huge = new Uint8Array(16);
    new DataView(huge.buffer).setBigUint64(0, 2n ** 63n, true);
    expectError(huge, /header length 9223372036854775808 is larger than the file/);
  });

  it('truncated: data shorter than the offsets', () => {
    expectError(good.subarray(0, good.length - 4), /data_offsets \[0, 16\] are out of bounds .*truncated/);
  });

  it('header not valid JSON', () => {
    expectError(rawFile(null, four, '{"w": {"dtype": "F32",'), /header is not valid JSON/);
    expectError(rawFile([1, 2]), /header is not valid JSON: expected an object/);
    const badUtf8 = rawFile({}, new Uint8Array(0), '{"\udc00": 1}');
    badUtf8.set([0xff], 10);
    expectError(badUtf8, /header is not valid JSON/);
  });

  it('missing or invalid dtype', () => {
    expectError(rawFile({ w: { shape: [4], data_offsets: [0, 16] } }, four), /tensor "w" has no dtype/);
    expectError(rawFile({ w: { dtype: 7, shape: [4], data_offsets: [0, 16] } }, four), /invalid dtype 7/);
  });

  it('unsupported dtype is named', () => {
    const file = rawFile({ w: { dtype: 'I64', shape: [2], data_offsets: [0, 16] } }, four);
    expectError(file, /tensor "w" has unsupported dtype I64 \(supported: F32, F16, BF16\)/);
    expectError(rawFile({ w: { dtype: 'Q4', shape: [1], data_offsets: [0, 1] } }, four), /unknown dtype Q4/);
  });

  it('invalid shape', () => {
    expectError(
      rawFile({ w: { dtype: 'F32', shape: [2, -2], data_offsets: [0, 16] } }, four),
      /invalid shape/,
    );
    expectError(rawFile({ w: { dtype: 'F32', data_offsets: [0, 16] } }, four), /invalid shape/);
  });

  it('shape × dtype size must equal the offsets length', () => {
    const file = rawFile({ w: { dtype: 'F32', shape: [3], data_offsets: [0, 16] } }, four);
    expectError(file, /shape \[3\] × F32 needs 12 bytes but data_offsets \[0, 16\] span 16/);
  });

  it('offsets malformed or out of bounds', () => {
    expectError(
      rawFile({ w: { dtype: 'F32', shape: [1], data_offsets: [8, 4] } }, four),
      /invalid data_offsets/,
    );
    expectError(
      rawFile({ w: { dtype: 'F32', shape: [1], data_offsets: [0] } }, four),
      /invalid data_offsets/,
    );
    const file = rawFile({ w: { dtype: 'F32', shape: [2], data_offsets: [12, 20] } }, four);
    expectError(file, /data_offsets \[12, 20\] are out of bounds of the 16-byte data section/);
  });

  it('overlapping offsets', () => {
    const file = rawFile(
      {
        a: { dtype: 'F32', shape: [2], data_offsets: [0, 8] },
        b: { dtype: 'F32', shape: [2], data_offsets: [4, 12] },
      },
      four,
    );
    expectError(file, /tensors "a" and "b" have overlapping data_offsets/);
  });

  it('metadata values must be strings', () => {
    expectError(rawFile({ __metadata__: { step: 300 } }), /metadata value for "step" is not a string/);
    expectError(rawFile({ __metadata__: ['x'] }), /"__metadata__" must be an object of strings/);
  });
});

describe('safetensors written by PyTorch (fixtures/torch_tied.safetensors, scripts/make_golden.py)', () => {
  const file = new Uint8Array(
    readFileSync(new URL('../../fixtures/torch_tied.safetensors', import.meta.url)),
  );
  const { tensors, metadata } = decodeSafetensors(file);

  it('has nanoGPT names, PyTorch shapes, metadata and no lm_head when tied', () => {
    const config = JSON.parse(metadata.config);
    expect(config).toMatchObject({
      n_layer: 2,
      n_head: 2,
      n_embd: 32,
      block_size: 32,
      tied: true,
      bias: true,
    });
    expect(JSON.parse(metadata.tokenizer).kind).toBe('char');
    expect(metadata.step).toBe('300');
    expect(metadata.corpus_sha256).toMatch(/^[0-9a-f]{64}$/);
    expect(tensors.has('lm_head.weight')).toBe(false);
    expect(tensors.get('transformer.wte.weight')!.shape).toEqual([config.vocab_size, 32]);
    expect(tensors.get('transformer.h.1.attn.c_attn.weight')!.shape).toEqual([96, 32]); // (out, in)
    expect(tensors.get('transformer.h.0.mlp.c_fc.bias')!.shape).toEqual([128]);
  });

  it('re-encodes byte for byte', () => {
    const again = encodeSafetensors([...tensors.values()], metadata);
    expect(Buffer.from(again).equals(Buffer.from(file))).toBe(true);
  });
});
