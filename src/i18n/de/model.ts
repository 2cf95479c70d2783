import type { Messages } from '../catalogue';

export const model: Messages<'model'> = {
  title: '2 · Modell',
  preset: 'Voreinstellung',
  presetNames: {
    nano: 'nano',
    baby: 'baby',
    small: 'small',
  },
  presetShape: '{{name}} · {{layers}} Schichten, {{heads}} Köpfe, {{embd}} breit, Block {{block}}',
  presetCustom: 'eigene…',
  layers: 'Schichten',
  heads: 'Köpfe',
  embd: 'embd',
  block: 'Block',
  tokenizer: 'Tokenizer',
  tokenizerChars: 'Zeichen',
  tokenizerBpe: 'Byte-Level-BPE',
  bpeVocab: 'BPE-Vokabular',
  seed: 'Seed',
  learningRate: 'Lernrate',
  batch: 'Batch',
  maxSteps: 'max. Schritte',
  stats:
    'Parameter · Vokabular {{vocab}} · ~{{memory}} zum Trainieren · {{layers}}×{{heads}}×{{embd}}, Block {{block}}',
  megabytes: '{{size}} MB',
  sourceNew: 'neu',
  none: 'Noch kein Modell.',
};
