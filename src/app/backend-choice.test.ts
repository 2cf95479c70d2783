import { describe, expect, it } from 'vitest';
import type { BackendFigure } from '../worker/api';
import { ChoiceMemory, choiceText, configKey, pickWinner, type RememberedChoice } from './backend-choice';

const shape = { n_layer: 2, n_head: 4, n_embd: 64, block_size: 32, vocab_size: 65 };

function memoryStore() {
  const m = new Map<string, string>();
  return { getItem: (k: string) => m.get(k) ?? null, setItem: (k: string, v: string) => void m.set(k, v), m };
}

const figures: BackendFigure[] = [
  { name: 'wasm', msPerStep: 21, software: false },
  { name: 'webgl', msPerStep: 140, software: true },
  { name: 'webgpu', msPerStep: null, software: true, skipped: true },
];

describe('configKey', () => {
  it('is the same for vocabularies near one power of two, and differs for shape and batch', () => {
    expect(configKey(shape, 16)).toBe(configKey({ ...shape, vocab_size: 70 }, 16));
    expect(configKey(shape, 16)).not.toBe(configKey({ ...shape, vocab_size: 512 }, 16));
    expect(configKey(shape, 16)).not.toBe(configKey(shape, 32));
    expect(configKey(shape, 16)).not.toBe(configKey({ ...shape, n_embd: 128 }, 16));
  });
});

describe('pickWinner', () => {
  it('takes the fastest step timed, never an untimed or failed one', () => {
    expect(pickWinner(figures)).toBe('wasm');
    expect(pickWinner([{ name: 'webgl', msPerStep: 5, software: false }, ...figures])).toBe('webgl');
    expect(pickWinner([{ name: 'webgpu', msPerStep: null, software: false, error: 'x' }])).toBeNull();
  });

  it('leaves out a backend whose GPU was lost', () => {
    const gpuFirst = [{ name: 'webgpu' as const, msPerStep: 4, software: false }, ...figures];
    expect(pickWinner(gpuFirst, new Set(['webgpu']))).toBe('wasm');
  });
});

describe('ChoiceMemory', () => {
  it('remembers per device and configuration, across instances (a reload)', () => {
    const store = memoryStore();
    const choice: RememberedChoice = { winner: 'wasm', figures, at: 1 };
    new ChoiceMemory(store).put('dev A', 'cfg', choice);
    const again = new ChoiceMemory(store);
    expect(again.get('dev A', 'cfg')).toEqual(choice);
    expect(again.get('dev B', 'cfg')).toBeUndefined();
    expect(again.get('dev A', 'other')).toBeUndefined();
  });

  it('keeps the 40 newest configurations of a device', () => {
    const memory = new ChoiceMemory(memoryStore());
    for (let i = 0; i < 45; i++) memory.put('dev', `cfg ${i}`, { winner: 'wasm', figures: [], at: i });
    expect(memory.get('dev', 'cfg 4')).toBeUndefined();
    expect(memory.get('dev', 'cfg 5')?.at).toBe(5);
    expect(memory.get('dev', 'cfg 44')?.at).toBe(44);
  });

  it('reads broken storage as empty and survives a refused write', () => {
    const store = memoryStore();
    store.m.set('tinygpt-lab/backend-choice', '{not json');
    expect(new ChoiceMemory(store).get('dev', 'cfg')).toBeUndefined();
    const refusing = {
      getItem: () => null,
      setItem: () => {
        throw new Error('QuotaExceededError');
      },
    };
    expect(() =>
      new ChoiceMemory(refusing).put('dev', 'cfg', { winner: 'wasm', figures, at: 0 }),
    ).not.toThrow();
  });
});

describe('choiceText', () => {
  it('says what won and why, naming the software GPUs not timed', () => {
    const text = choiceText({ winner: 'wasm', figures, at: 0 }, false);
    expect(text).toContain('auto chose wasm');
    expect(text).toContain('webgpu is a software GPU here');
    expect(choiceText({ winner: 'webgl', figures, at: Date.UTC(2026, 11, 3) }, true)).toMatch(
      /auto runs on webgl: it measured fastest .*3 Dec 2026/,
    );
  });
});
