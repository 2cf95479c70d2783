import type { Messages } from '../catalogue';

export const model: Messages<'model'> = {
  title: '2 · Modell',
  preset: 'Voreinstellung',
  presetNames: {
    nano: 'nano',
    baby: 'baby',
    small: 'small',
    medium: 'medium',
    shakespeare: 'shakespeare',
  },
  presetNotes: {
    nano: 'Trainiert in Sekunden: für Vorführungen im Unterricht.',
    baby: 'Die CPU-Konfiguration von nanoGPT (der Laptop-Lauf aus seinem README): {{params}} Mio. Parameter.',
    small: 'Tiefe und Köpfe von nanoGPT bei halber Breite: {{params}} Mio. Parameter.',
    medium:
      'Breite und Tiefe des Shakespeare-Modells von nanoGPT bei halbem Kontext: {{params}} Mio. Parameter.',
    shakespeare:
      'Das Shakespeare-char-Modell von nanoGPT: hier {{params}} Mio. Parameter, wo nanoGPT 10,65 Mio. angibt (es hat keine Biases, bindet den Kopf an das Token-Embedding und zählt das Positions-Embedding nicht mit). Batch 8 statt seiner 64, die etwa 7,6 GB pro Schritt brauchen; kein Dropout (nanoGPT: 0,2).',
  },
  presetTime: '{{name}} · ≈ {{time}}/Schritt',
  bench: {
    measured:
      'Gemessen am {{date}}: ≈ {{time}} pro Trainingsschritt bei Batch {{batch}} auf wasm, in node auf einem Thread einer CPU mit {{cores}} Kernen:',
    noGpu: 'WebGPU und WebGL: nicht gemessen (die messende Maschine hat keine GPU).',
    ms: '{{n}} ms',
    seconds: '{{n}} s',
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
  gigabytes: '{{size}} GB',
  memory: {
    wontFit: {
      wasmHeap:
        'Passt nicht: Ein Trainingsschritt bei Batch {{batch}} braucht etwa {{need}} an Tensoren, {{uses}} wasm-Speicher, und der Speicher von wasm endet bei {{limit}}.',
      gpuBuffer:
        'Passt nicht: Bei Batch {{batch}} belegt ein Tensor eines Trainingsschritts {{uses}}, und WebGPU erlaubt auf dieser GPU {{limit}} pro Puffer.',
      deviceMemory:
        'Passt nicht: Ein Trainingsschritt bei Batch {{batch}} braucht etwa {{uses}}, mehr als die {{limit}} Speicher, die dieses Gerät meldet.',
    },
    tight: {
      wasmHeap:
        'Knapp an der Grenze: Ein Trainingsschritt bei Batch {{batch}} braucht etwa {{uses}} von den {{limit}} von wasm; eine lange Sitzung oder andere Tabs können ihn aufbrauchen.',
      gpuBuffer:
        'Knapp an der Grenze: Bei Batch {{batch}} belegt ein Tensor eines Trainingsschritts {{uses}} von den {{limit}}, die diese GPU pro Puffer erlaubt.',
      deviceMemory:
        'Ein Trainingsschritt bei Batch {{batch}} braucht etwa {{uses}}, und dieses Gerät meldet {{limit}} Speicher: Das Training kann scheitern oder alles verlangsamen.',
    },
    adviceBatch: 'Versuch es mit Batch {{max}} oder weniger.',
    adviceSmaller:
      'Mach das Modell kleiner: weniger Schichten, ein schmaleres Embedding oder einen kürzeren Block.',
    refused: 'Kein Training: {{why}}',
  },
  sourceNew: 'neu',
  none: 'Noch kein Modell.',
};
