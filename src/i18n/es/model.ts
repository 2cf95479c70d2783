import type { Messages } from '../catalogue';

export const model: Messages<'model'> = {
  title: '2 · Modelo',
  preset: 'Preajuste',
  presetNames: {
    nano: 'nano',
    baby: 'baby',
    small: 'small',
  },
  presetShape: '{{name}} · {{layers}} capas, {{heads}} cabezas, {{embd}} de ancho, bloque {{block}}',
  presetCustom: 'personalizado…',
  layers: 'capas',
  heads: 'cabezas',
  embd: 'embd',
  block: 'bloque',
  tokenizer: 'Tokenizador',
  tokenizerChars: 'caracteres',
  tokenizerBpe: 'BPE a nivel de byte',
  bpeVocab: 'vocabulario BPE',
  seed: 'semilla',
  learningRate: 'tasa de aprendizaje',
  batch: 'batch',
  maxSteps: 'pasos máx.',
  stats:
    'parámetros · vocabulario {{vocab}} · ~{{memory}} para entrenar · {{layers}}×{{heads}}×{{embd}}, bloque {{block}}',
  megabytes: '{{size}} MB',
  sourceNew: 'nuevo',
  none: 'Aún no hay modelo.',
};
