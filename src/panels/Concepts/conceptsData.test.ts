import { describe, expect, it } from 'vitest';
import type { ConceptsResult, InspectResult } from '../../worker/api';
import {
  attentionAt,
  buildConceptsView,
  crossEntropy,
  csvRows,
  strip,
  temperatureBars,
} from './conceptsData';

const V = 5;
const vocab = ['a', 'b', 'c', 'd', 'e'];
const T = 3;
const attention = new Float32Array(1 * 2 * T * T);
attention[((0 * 2 + 1) * T + 2) * T + 1] = 0.375; // layer 0, head 1, query 2, key 1

const inspection: InspectResult = {
  ids: [4, 0, 2],
  tokens: ['e', 'a', 'c'],
  vocab,
  n_layer: 1,
  n_head: 2,
  attention,
  lensIds: new Int32Array(0),
  lensProbs: new Float32Array(0),
  lensK: 0,
  logits: new Float32Array(V),
};

function result(position: number, token: number): ConceptsResult {
  const f = (...v: number[]) => Float32Array.from(v);
  return {
    position,
    layer: 0,
    head: 1,
    keyPosition: 1,
    token,
    tokenEmbedding: f(1, -2),
    positionEmbedding: f(0.5, 0.5),
    embedding: f(1.5, -1.5),
    q: f(1, 2),
    k: f(3, -1),
    dot: 1,
    scaled: 1 / Math.SQRT2,
    weight: 0.375,
    scores: f(0, 1 / Math.SQRT2, 0.2).slice(0, position + 1),
    weights: f(0.3, 0.375, 0.325).slice(0, position + 1),
    logits: f(0, 1, 2, 3, 4),
  };
}

describe('conceptsData', () => {
  it('finds a strip’s range', () => {
    const s = strip('x', 'x', Float32Array.from([0.5, -2, 3]));
    expect([s.min, s.max]).toEqual([-2, 3]);
  });

  it('reads an attention cell and refuses masked ones', () => {
    expect(attentionAt(inspection, 0, 1, 2, 1)).toBe(0.375);
    expect(attentionAt(inspection, 0, 1, 1, 2)).toBeNull();
  });

  it('sharpens and flattens with temperature', () => {
    const logits = [0, 1, 2, 3, 4];
    const cold = temperatureBars(logits, vocab, 0.25, 3);
    const hot = temperatureBars(logits, vocab, 4, 3);
    expect(cold[0].id).toBe(4);
    expect(cold[0].p).toBeGreaterThan(0.95);
    expect(hot[0].p).toBeLessThan(0.4);
    expect(hot.map((b) => b.id)).toEqual([4, 3, 2]);
    const withTrue = temperatureBars(logits, vocab, 1, 2, 0);
    expect(withTrue.map((b) => [b.id, b.isTrue])).toEqual([
      [4, false],
      [3, false],
      [0, true],
    ]);
  });

  it('gives cross-entropy in nats and bits with the rank of the true token', () => {
    const ce = crossEntropy([0, 0, 0, 0], 2);
    expect(ce.nats).toBeCloseTo(Math.log(4), 12);
    expect(ce.bits).toBeCloseTo(2, 12);
    expect(crossEntropy([0, 1, 2, 3, 4], 2).rank).toBe(3);
  });

  it('builds the view: products, the map cell, the true next token and its loss', () => {
    const v = buildConceptsView(result(1, 0), inspection, inspection.tokens, 1);
    expect(Array.from(v.attention[2].values)).toEqual([3, -2]);
    expect(v.mapWeight).toBe(0); // query 1 → key 1 of layer 0, head 1 (zero in this fixture)
    const w = buildConceptsView({ ...result(2, 2) }, inspection, inspection.tokens, 1);
    expect(w.mapWeight).toBe(0.375);
    expect(w.loss).toBeNull(); // the last position has no next token yet
    expect(v.loss?.trueId).toBe(2);
    expect(v.loss?.nats).toBeCloseTo(crossEntropy([0, 1, 2, 3, 4], 2).nats, 12);
    expect(v.bars.find((b) => b.isTrue)?.id).toBe(2);
    expect(v.row.map((r) => r.text)).toEqual(['e', 'a']);
  });

  it('drops the map comparison when the inspection no longer matches', () => {
    const v = buildConceptsView(result(2, 3), inspection, inspection.tokens, 1); // token 3 ≠ ids[2]
    expect(v.mapWeight).toBeNull();
    expect(v.loss).toBeNull();
  });

  it('exports every number as CSV rows', () => {
    const v = buildConceptsView(result(1, 0), inspection, inspection.tokens, 0.5);
    const rows = csvRows(v);
    expect(rows.filter((r) => r[0] === 'x')).toHaveLength(2);
    expect(rows.some((r) => r[0] === 'loss_bits')).toBe(true);
    expect(rows.some((r) => r[0] === 'softmax_T=0.5')).toBe(true);
  });
});
