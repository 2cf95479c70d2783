/** A model's name as file names show it, from its real shape (not the settings for the next one). */
import { type ModelShape, PRESETS } from '../model/config';

const SHAPE_KEYS = ['n_layer', 'n_head', 'n_embd', 'block_size'] as const;

/** The preset a shape is (`baby`), or its dimensions (`3L-4H-96E-b48`) when it is none. */
export function shapeName(m: ModelShape): string {
  const preset = Object.values(PRESETS).find((p) => SHAPE_KEYS.every((k) => p.shape[k] === m[k]));
  return preset?.id ?? `${m.n_layer}L-${m.n_head}H-${m.n_embd}E-b${m.block_size}`;
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
export function checkpointFileName(
  m: ModelShape,
  corpusName: string,
  step: number,
  ending = '.safetensors',
): string {
  const corpus = corpusName ? `-${fileSlug(corpusName)}` : '';
  return `tinygpt-${shapeName(m)}${corpus}-step${step}${ending}`;
}
