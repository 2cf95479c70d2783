/**
 * The models kept in this browser (IndexedDB): one full record per model (the session the worker
 * writes: checkpoint, optimizer moments, RNG, history, corpus, the UI's extras) beside a small
 * index the list reads without loading any weights. A tab's autosave slot (app/tabs.ts) holds only
 * a pointer to the model open in it. Key-value access is injected, so tests run on a Map.
 */
import { del, get, set, update } from 'idb-keyval';
import { decodeSafetensors } from '../model/safetensors';
import type { ModelMeta } from '../store/saved-models';
import type { EvalPoint } from '../worker/api';
import type { Saved } from './autosave';

export type { ModelMeta };

export const INDEX_KEY = 'tinygpt-lab/models/index';
/** Bump when a record's shape changes; older ones are migrated on read. */
export const RECORD_VERSION = 1;
const MAX_CURVE_POINTS = 200;

export function recordKey(id: string): string {
  return `tinygpt-lab/models/${id}`;
}

/** A tab's slot: which model is open in it. */
export interface SlotPointer {
  modelId: string;
}

export interface Kv {
  get<T>(key: string): Promise<T | undefined>;
  set(key: string, value: unknown): Promise<void>;
  del(key: string): Promise<void>;
  /** Read-modify-write in one transaction (two tabs may write the index at once). */
  update<T>(key: string, fn: (old: T | undefined) => T): Promise<void>;
}

export const idbKv: Kv = { get, set, del, update };

export function newModelId(): string {
  return crypto.randomUUID();
}

/** `base`, or `base 2`, `base 3`… so that no two models share a name. */
export function uniqueName(base: string, taken: readonly string[], own?: string): string {
  const used = new Set(taken.filter((n) => n !== own));
  if (!used.has(base)) return base;
  for (let i = 2; ; i++) if (!used.has(`${base} ${i}`)) return `${base} ${i}`;
}

/** Keep every k-th point and the last, so a long curve stays small in the index. */
export function thinCurve(evals: readonly EvalPoint[], max = MAX_CURVE_POINTS): EvalPoint[] {
  if (evals.length <= max) return evals.slice();
  const every = Math.ceil(evals.length / max);
  const kept = evals.filter((_, i) => i % every === 0);
  if (kept[kept.length - 1] !== evals[evals.length - 1]) kept.push(evals[evals.length - 1]);
  return kept;
}

/** Nats per token → bits per character. */
export function bitsPerChar(nats: number, tokensPerChar: number): number {
  return (nats / Math.LN2) * tokensPerChar;
}

export class ModelsDb {
  constructor(private readonly kv: Kv = idbKv) {}

  /** Every model, most recently saved first. */
  async list(): Promise<ModelMeta[]> {
    const all = (await this.kv.get<ModelMeta[]>(INDEX_KEY)) ?? [];
    return all.slice().sort((a, b) => b.updated - a.updated);
  }

  async meta(id: string): Promise<ModelMeta | undefined> {
    return (await this.list()).find((m) => m.id === id);
  }

  record(id: string): Promise<Saved | undefined> {
    return this.kv.get<Saved>(recordKey(id));
  }

  /** Add or replace one model's index entry (after its record was written). Its name stays unique. */
  async upsert(meta: ModelMeta): Promise<ModelMeta> {
    let stored = meta;
    await this.kv.update<ModelMeta[]>(INDEX_KEY, (old = []) => {
      const others = old.filter((m) => m.id !== meta.id);
      const prev = old.find((m) => m.id === meta.id);
      stored = {
        ...meta,
        created: prev?.created ?? meta.created,
        name: uniqueName(
          prev?.name ?? meta.name,
          others.map((m) => m.name),
        ),
      };
      return [...others, stored];
    });
    return stored;
  }

  async rename(id: string, name: string): Promise<string> {
    const wanted = name.trim();
    if (!wanted) throw new Error('A model needs a name.');
    let given = wanted;
    await this.kv.update<ModelMeta[]>(INDEX_KEY, (old = []) =>
      old.map((m) => {
        if (m.id !== id) return m;
        given = uniqueName(
          wanted,
          old.map((o) => o.name),
          m.name,
        );
        return { ...m, name: given };
      }),
    );
    return given;
  }

  /** Copy a model (record and entry) under a new id and name "… (copy)". */
  async duplicate(id: string): Promise<ModelMeta> {
    const [record, meta] = await Promise.all([this.record(id), this.meta(id)]);
    if (!record || !meta) throw new Error('That model is no longer saved here.');
    const copy: ModelMeta = { ...meta, id: newModelId(), name: `${meta.name} (copy)`, created: Date.now() };
    await this.kv.set(recordKey(copy.id), record); // the record first: an entry never points at nothing
    return this.upsert(copy);
  }

  async remove(id: string): Promise<void> {
    await this.kv.update<ModelMeta[]>(INDEX_KEY, (old = []) => old.filter((m) => m.id !== id));
    await this.kv.del(recordKey(id));
  }

  /**
   * The model a tab's slot points at. A slot written before "My models" holds a whole session:
   * it becomes a saved model (record, then entry, then pointer, in that order, so an interrupted
   * upgrade loses nothing) and the slot a pointer to it.
   */
  async openSlot(slot: string): Promise<string | undefined> {
    const value = await this.kv.get<SlotPointer | Saved>(slot);
    if (!value) return undefined;
    if ('modelId' in value) return value.modelId;
    const id = newModelId();
    await this.kv.set(recordKey(id), value);
    await this.upsert(metaOfSaved(id, value, Date.now()));
    await this.kv.set(slot, { modelId: id } satisfies SlotPointer);
    return id;
  }

  pointSlot(slot: string, modelId: string): Promise<void> {
    return this.kv.set(slot, { modelId } satisfies SlotPointer);
  }
}

/** An index entry for a record saved before there was an index: read from its checkpoint and history. */
export function metaOfSaved(id: string, saved: Saved, now: number): ModelMeta {
  const { metadata } = decodeSafetensors(saved.snap.checkpoint);
  const config = JSON.parse(metadata.config ?? '{}') as ModelMeta['shape'];
  const evals = saved.snap.history.evals;
  const last = evals[evals.length - 1];
  // Tokens per character were not kept; for characters it is 1 (BPE's bits/char is then approximate).
  const tokensPerChar = 1;
  const corpus = saved.learnedFrom?.name ?? 'your last corpus';
  return {
    id,
    name: `${config.n_layer}×${config.n_head}×${config.n_embd} on ${corpus}`,
    version: RECORD_VERSION,
    created: now,
    updated: now,
    shape: {
      n_layer: config.n_layer,
      n_head: config.n_head,
      n_embd: config.n_embd,
      block_size: config.block_size,
      vocab_size: config.vocab_size,
    },
    tokenizer: saved.snap.tokenizer.kind,
    step: Number(metadata.step ?? 0),
    valLoss: last?.val ?? null,
    bitsPerChar: last ? bitsPerChar(last.val, tokensPerChar) : null,
    tokensPerChar,
    corpus,
    source: saved.modelSource || 'restored',
    bytes: saved.snap.checkpoint.byteLength,
    evals: thinCurve(evals),
  };
}
