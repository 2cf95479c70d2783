/** A model's name as labels and file names show it, from its real shape (not the settings for the next one). */
import { PRESETS } from '../model/config';
import type { ModelInfo } from '../worker/api';

type Shape = Pick<ModelInfo, 'n_layer' | 'n_head' | 'n_embd' | 'block_size'>;

/** The preset a shape is (`baby`), or its dimensions (`3L-4H-96E-b48`) when it is none. */
export function shapeName(m: Shape): string {
  for (const [id, p] of Object.entries(PRESETS)) {
    const s = p.shape;
    if (
      s.n_layer === m.n_layer &&
      s.n_head === m.n_head &&
      s.n_embd === m.n_embd &&
      s.block_size === m.block_size
    )
      return id;
  }
  return `${m.n_layer}L-${m.n_head}H-${m.n_embd}E-b${m.block_size}`;
}

/** "4 layers, 4 heads, 128 wide, block 64". */
export function shapeWords(m: Shape): string {
  return `${m.n_layer} layers, ${m.n_head} heads, ${m.n_embd} wide, block ${m.block_size}`;
}

/** A file name for a download: lower-case words joined by '-', nothing a file system refuses. */
export function fileSlug(text: string): string {
  return (
    text
      .normalize('NFKD')
      .toLowerCase()
      .replace(/[^a-z0-9]+/g, '-')
      .replace(/^-+|-+$/g, '')
      .slice(0, 60) || 'model'
  );
}

/** `tinygpt-baby-tiny-shakespeare-step3500.safetensors`: shape, then what it learned, then its step. */
export function checkpointFileName(m: Shape, corpusName: string, step: number): string {
  const corpus = corpusName ? `-${fileSlug(corpusName)}` : '';
  return `tinygpt-${shapeName(m)}${corpus}-step${step}.safetensors`;
}
