import { describe, expect, it } from 'vitest';
import { DEFAULT_SETTINGS, settingsFromQuery, settingsToQuery, shapeOf } from './settings';

describe('settings in the URL', () => {
  it('reads the CONTRACT parameters', () => {
    const s = settingsFromQuery('?preset=baby&seed=7&backend=wasm&tokenizer=bpe&maxSteps=123');
    expect(s).toMatchObject({ preset: 'baby', seed: 7, backend: 'wasm', tokenizer: 'bpe', maxSteps: 123 });
    expect(shapeOf(s)).toEqual({ n_layer: 4, n_head: 4, n_embd: 128, block_size: 64 });
    expect(s.batchSize).toBe(12);
  });

  it('keeps defaults for malformed values', () => {
    const s = settingsFromQuery('?preset=huge&seed=-3&backend=gpu&tokenizer=words&maxSteps=1.5');
    expect(s).toEqual(DEFAULT_SETTINGS);
  });

  it('round-trips through the query string', () => {
    const s = settingsFromQuery(
      '?preset=custom&n_layer=3&n_head=2&n_embd=48&block_size=16&lr=0.002&batch=8&seed=9',
    );
    expect(settingsFromQuery(settingsToQuery(s))).toEqual(s);
  });
});
