import type { Messages } from '../catalogue';

export const model: Messages<'model'> = {
  title: '2 · Modelo',
  preset: 'Preajuste',
  presetNames: {
    nano: 'nano',
    baby: 'baby',
    small: 'small',
    medium: 'medium',
    shakespeare: 'shakespeare',
  },
  presetNotes: {
    nano: 'Se entrena en segundos: para demostraciones en clase.',
    baby: 'La configuración de CPU de nanoGPT (la de su README para portátil): {{params}} M parámetros.',
    small: 'La profundidad y las cabezas de nanoGPT con la mitad de su ancho: {{params}} M parámetros.',
    medium:
      'El ancho y la profundidad del Shakespeare de nanoGPT con la mitad de su contexto: {{params}} M parámetros.',
    shakespeare:
      'El modelo Shakespeare-char de nanoGPT: {{params}} M parámetros aquí, donde nanoGPT dice 10,65 M (no tiene sesgos, ata la cabeza al embedding de tokens y no cuenta el embedding de posiciones). Batch 8 en vez de su 64, que necesita unos 7,6 GB por paso; sin dropout (nanoGPT: 0,2).',
  },
  presetTime: '{{name}} · ≈ {{time}}/paso',
  bench: {
    measured:
      'Medido el {{date}}: ≈ {{time}} por paso de entrenamiento con batch {{batch}} en wasm, en node con un hilo de una CPU de {{cores}} núcleos:',
    noGpu: 'WebGPU y WebGL: sin medir (la máquina que midió no tiene GPU).',
    ms: '{{n}} ms',
    seconds: '{{n}} s',
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
  gigabytes: '{{size}} GB',
  memory: {
    wontFit: {
      wasmHeap:
        'No cabe: un paso de entrenamiento con batch {{batch}} necesita unos {{need}} de tensores, {{uses}} de memoria wasm, y la memoria de wasm llega como mucho a {{limit}}.',
      gpuBuffer:
        'No cabe: con batch {{batch}} un tensor de un paso de entrenamiento ocupa {{uses}}, y WebGPU en esta GPU permite {{limit}} por búfer.',
      deviceMemory:
        'No cabe: un paso de entrenamiento con batch {{batch}} necesita unos {{uses}}, más que los {{limit}} de memoria que indica este dispositivo.',
    },
    tight: {
      wasmHeap:
        'Cerca del límite: un paso de entrenamiento con batch {{batch}} necesita unos {{uses}} de los {{limit}} de wasm; una sesión larga u otras pestañas pueden agotarla.',
      gpuBuffer:
        'Cerca del límite: con batch {{batch}} un tensor de un paso de entrenamiento ocupa {{uses}} de los {{limit}} que esta GPU permite por búfer.',
      deviceMemory:
        'Un paso de entrenamiento con batch {{batch}} necesita unos {{uses}}, y este dispositivo indica {{limit}} de memoria: el entrenamiento puede fallar o ralentizarlo todo.',
    },
    adviceBatch: 'Prueba con batch {{max}} o menos.',
    adviceSmaller: 'Haz el modelo más pequeño: menos capas, un embedding más estrecho o un bloque más corto.',
    refused: 'No se entrena: {{why}}',
  },
  sourceNew: 'nuevo',
  none: 'Aún no hay modelo.',
};
