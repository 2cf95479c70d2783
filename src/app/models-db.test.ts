import { describe, expect, it } from 'vitest';
import { encodeSafetensors } from '../model/safetensors';
import type { Saved } from './autosave';
import {
  bitsPerChar,
  INDEX_KEY,
  type Kv,
  type ModelMeta,
  ModelsDb,
  recordKey,
  thinCurve,
  uniqueName,
} from './models-db';

/** An in-memory key-value store with idb-keyval's semantics (values cloned in and out). */
function memoryKv(): Kv & { data: Map<string, unknown> } {
  const data = new Map<string, unknown>();
  return {
    data,
    get: async <T>(k: string) => structuredClone(data.get(k)) as T | undefined,
    set: async (k, v) => void data.set(k, structuredClone(v)),
    del: async (k) => void data.delete(k),
    update: async <T>(k: string, fn: (old: T | undefined) => T) =>
      void data.set(k, structuredClone(fn(structuredClone(data.get(k)) as T | undefined))),
  };
}

function meta(id: string, name: string, updated = 1): ModelMeta {
  return {
    id,
    name,
    version: 1,
    created: updated,
    updated,
    shape: { n_layer: 2, n_head: 4, n_embd: 64, block_size: 32, vocab_size: 42 },
    tokenizer: 'char',
    step: 40,
    valLoss: 2,
    bitsPerChar: bitsPerChar(2, 1),
    tokensPerChar: 1,
    corpus: 'fables',
    source: 'new',
    bytes: 10,
    evals: [{ step: 40, train: 2.1, val: 2 }],
  };
}

/** A whole session as the single autosave held it before "My models" (tinygpt-lab/session/v1). */
function oldSession(): Saved {
  const checkpoint = encodeSafetensors([{ name: 'wte.weight', shape: [1], data: Float32Array.of(0) }], {
    config: JSON.stringify({ n_layer: 2, n_head: 4, n_embd: 64, block_size: 32, vocab_size: 42 }),
    step: '40',
  });
  return {
    snap: {
      corpus: 'the fox and the crow',
      tokenizer: { kind: 'char' },
      checkpoint,
      optimizer: null,
      rngState: 7,
      history: { losses: [{ step: 40, loss: 2.2 }], evals: [{ step: 40, train: 2.1, val: 2.05 }] },
      train: null,
      elapsedMs: 1000,
    },
    settings: {} as Saved['settings'],
    modelSource: 'new',
    samples: [],
  };
}

describe('model names', () => {
  it('are made unique by a number, and a model keeps its own name when renamed to it', () => {
    expect(uniqueName('nano on fables', [])).toBe('nano on fables');
    expect(uniqueName('nano on fables', ['nano on fables'])).toBe('nano on fables 2');
    expect(uniqueName('nano on fables', ['nano on fables', 'nano on fables 2'])).toBe('nano on fables 3');
    expect(uniqueName('a', ['a', 'b'], 'a')).toBe('a');
  });
});

describe('ModelsDb', () => {
  it('lists the most recently saved first, and an upsert keeps the first save date and the name', async () => {
    const db = new ModelsDb(memoryKv());
    await db.upsert(meta('a', 'first', 1));
    await db.upsert(meta('b', 'second', 2));
    expect((await db.list()).map((m) => m.id)).toEqual(['b', 'a']);
    await db.upsert({ ...meta('a', 'ignored', 3), step: 80 });
    const a = await db.meta('a');
    expect(a).toMatchObject({ name: 'first', step: 80, created: 1, updated: 3 });
    expect((await db.list()).map((m) => m.id)).toEqual(['a', 'b']);
  });

  it('gives a new model a name no other has', async () => {
    const db = new ModelsDb(memoryKv());
    await db.upsert(meta('a', 'nano on fables'));
    expect((await db.upsert(meta('b', 'nano on fables'))).name).toBe('nano on fables 2');
  });

  it('renames (unique, never empty), duplicates with its record, and deletes both', async () => {
    const kv = memoryKv();
    const db = new ModelsDb(kv);
    await kv.set(recordKey('a'), oldSession());
    await db.upsert(meta('a', 'one'));
    await db.upsert(meta('b', 'two'));
    expect(await db.rename('a', '  two ')).toBe('two 2');
    await expect(db.rename('a', '   ')).rejects.toThrow('needs a name');
    const copy = await db.duplicate('a');
    expect(copy.name).toBe('two 2 (copy)');
    expect(copy.id).not.toBe('a');
    expect((await db.record(copy.id))?.snap.corpus).toBe('the fox and the crow');
    await db.remove('a');
    expect(kv.data.has(recordKey('a'))).toBe(false);
    expect((await db.list()).map((m) => m.id).sort()).toEqual(['b', copy.id].sort());
  });

  it('migrates the single autosave of before into a saved model, losing nothing', async () => {
    const kv = memoryKv();
    const db = new ModelsDb(kv);
    const old = oldSession();
    await kv.set('tinygpt-lab/session/v1', old);
    const id = await db.openSlot('tinygpt-lab/session/v1');
    expect(id).toBeTruthy();
    expect(kv.data.get('tinygpt-lab/session/v1')).toEqual({ modelId: id });
    const record = await db.record(id!);
    expect(record?.snap.corpus).toBe(old.snap.corpus);
    expect(record?.snap.rngState).toBe(7);
    expect(Array.from(record?.snap.checkpoint ?? [])).toEqual(Array.from(old.snap.checkpoint));
    const m = await db.meta(id!);
    expect(m).toMatchObject({
      step: 40,
      valLoss: 2.05,
      tokenizer: 'char',
      name: '2×4×64 on your last corpus',
    });
    expect(m?.shape).toEqual({ n_layer: 2, n_head: 4, n_embd: 64, block_size: 32, vocab_size: 42 });
    // Opened again, the slot is a pointer: the same model, no second copy.
    expect(await db.openSlot('tinygpt-lab/session/v1')).toBe(id);
    expect((kv.data.get(INDEX_KEY) as ModelMeta[]).length).toBe(1);
  });

  it('an empty slot opens nothing', async () => {
    expect(await new ModelsDb(memoryKv()).openSlot('tinygpt-lab/session/v1')).toBeUndefined();
  });
});

describe('thinCurve', () => {
  it('keeps short curves whole and long ones at most the limit, with their last point', () => {
    const evals = Array.from({ length: 1000 }, (_, i) => ({ step: i * 10, train: 1, val: 1 }));
    expect(thinCurve(evals.slice(0, 50))).toHaveLength(50);
    const thin = thinCurve(evals, 200);
    expect(thin.length).toBeLessThanOrEqual(201);
    expect(thin[thin.length - 1].step).toBe(9990);
  });
});

describe('bitsPerChar', () => {
  it('is nats / ln 2 × tokens per character', () => {
    expect(bitsPerChar(Math.LN2, 1)).toBeCloseTo(1, 12);
    expect(bitsPerChar(Math.LN2 * 2, 0.5)).toBeCloseTo(1, 12);
  });
});
