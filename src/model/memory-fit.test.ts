import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { wasmDistDir } from '../worker/backend.node';
import { WASM_HEAP_MAX_BYTES } from '../worker/memory-limits';
import { makeConfig, PRESETS, parameterCount } from './config';
import { largestTensorBytes, type MemoryLimits, memoryMessage, memoryVerdict } from './memory-fit';

const GiB = 2 ** 30;
const shakespeare = makeConfig(PRESETS.shakespeare.shape, 65);
const wasm: MemoryLimits = {
  backend: 'wasm',
  fusedAttention: true,
  wasmHeapMaxBytes: WASM_HEAP_MAX_BYTES,
  maxBufferBytes: null,
  deviceMemoryBytes: 8 * GiB,
};

describe('will a training step fit', () => {
  it("refuses nanoGPT's own batch 64 for the shakespeare preset on wasm, naming the largest batch that fits", () => {
    const v = memoryVerdict(shakespeare, 64, wasm);
    expect(v.level).toBe('wontFit');
    expect(v.limit?.kind).toBe('wasmHeap');
    expect(v.needBytes).toBeGreaterThan(7.5 * GiB);
    expect(v.maxBatch).toBeGreaterThan(PRESETS.shakespeare.batch_size);
    expect(memoryVerdict(shakespeare, v.maxBatch!, wasm).level).not.toBe('wontFit');
    expect(memoryVerdict(shakespeare, v.maxBatch! + 1, wasm).level).toBe('wontFit');
    const text = memoryMessage(v);
    expect(text).toContain('batch 64');
    expect(text).toContain('4 GB'); // wasm's cap
    expect(text).toContain(`Try batch ${v.maxBatch} or less.`);
  });

  it('lets every preset train at its own batch on wasm with 8 GB of RAM', () => {
    for (const p of Object.values(PRESETS)) {
      const v = memoryVerdict(makeConfig(p.shape, 65), p.batch_size, wasm);
      expect(v.level, p.id).toBe('fits');
      expect(memoryMessage(v)).toBe('');
    }
  });

  it('holds the RAM the device reports against the wasm heap, and only warns about it on a GPU', () => {
    const small = { ...wasm, deviceMemoryBytes: 1 * GiB };
    const v = memoryVerdict(shakespeare, 8, small);
    expect(v.level).toBe('wontFit');
    expect(v.limit?.kind).toBe('deviceMemory');
    const gpu: MemoryLimits = { ...small, backend: 'webgl', wasmHeapMaxBytes: null };
    const onGpu = memoryVerdict(shakespeare, 8, gpu);
    expect(onGpu.level).toBe('tight');
    expect(onGpu.maxBatch).toBeNull(); // no hard limit known there
  });

  it("refuses where one tensor passes WebGPU's largest buffer", () => {
    const att = largestTensorBytes(shakespeare, 8); // (8, 6, 256, 256) floats = 12 MiB
    expect(att).toBe(4 * 8 * 6 * 256 * 256);
    const gpu: MemoryLimits = {
      backend: 'webgpu',
      fusedAttention: false,
      wasmHeapMaxBytes: null,
      maxBufferBytes: 8 * 2 ** 20,
      deviceMemoryBytes: null,
    };
    const v = memoryVerdict(shakespeare, 8, gpu);
    expect(v.level).toBe('wontFit');
    expect(v.limit?.kind).toBe('gpuBuffer');
    expect(v.maxBatch).toBe(5); // (5, 6, 256, 256) floats = 7.5 MiB
  });

  it('says nothing is known where no limit is', () => {
    const none: MemoryLimits = { ...wasm, backend: 'cpu', wasmHeapMaxBytes: null, deviceMemoryBytes: null };
    const v = memoryVerdict(shakespeare, 512, none);
    expect(v).toMatchObject({ level: 'fits', limit: null, maxBatch: null });
  });
});

describe('the limits the engine assumes', () => {
  it("match tfjs-backend-wasm's own heap cap", () => {
    for (const file of ['tfjs-backend-wasm.js', 'tfjs-backend-wasm-threaded-simd.js']) {
      const js = readFileSync(`${wasmDistDir()}../wasm-out/${file}`, 'utf8');
      expect(Number(/function getHeapMax\(\)\{return (\d+)\}/.exec(js)?.[1])).toBe(WASM_HEAP_MAX_BYTES);
    }
  });

  it("count the shakespeare preset's parameters as the app does and as nanoGPT does", () => {
    expect(parameterCount(shakespeare)).toBe(10_795_776);
    // nanoGPT: no biases, lm_head tied to wte, position embeddings left out of get_num_params().
    const nano = makeConfig(PRESETS.shakespeare.shape, 65, { bias: false, tied: true });
    expect(parameterCount(nano) - 256 * 384).toBe(10_646_784); // "number of parameters: 10.65M"
  });
});
