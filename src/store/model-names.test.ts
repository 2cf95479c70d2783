import { describe, expect, it } from 'vitest';
import { checkpointFileName, fileSlug, shapeName } from './model-names';

const baby = { n_layer: 4, n_head: 4, n_embd: 128, block_size: 64 };

describe('model names', () => {
  it('names a preset shape by its preset, any other by its dimensions', () => {
    expect(shapeName(baby)).toBe('baby');
    expect(shapeName({ n_layer: 2, n_head: 4, n_embd: 64, block_size: 32 })).toBe('nano');
    expect(shapeName({ ...baby, block_size: 32 })).toBe('4L-4H-128E-b32');
  });

  it('makes file names from the real shape and the corpus', () => {
    expect(checkpointFileName(baby, 'Tiny Shakespeare', 3500)).toBe(
      'tinygpt-baby-tiny-shakespeare-step3500.safetensors',
    );
    expect(checkpointFileName(baby, '', 0)).toBe('tinygpt-baby-step0.safetensors');
    expect(fileSlug('"Mein Text (ü).txt"')).toBe('mein-text-u-txt');
    expect(fileSlug('☃☃')).toBe('model');
  });
});
