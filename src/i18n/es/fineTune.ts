import type { Messages } from '../catalogue';

export const fineTune: Messages<'fineTune'> = {
  title: 'Ajuste fino',
  button: 'Ajustar',
  fromCurrent:
    'Conserva los pesos de este modelo (paso {{step}}) y los entrena con el corpus actual, con un optimizador nuevo y una tasa de aprendizaje suave.',
  fromPretrained:
    'Parte del modelo preentrenado (Tiny Shakespeare), no del nuevo sin entrenar, y lo entrena con el corpus actual con un optimizador nuevo.',
  noText: 'Primero dale un texto para el ajuste fino: pega, elige o carga un corpus.',
  bpeCovers:
    'Este modelo lee bytes (BPE a nivel de bytes): cada byte de cualquier texto está en su vocabulario, así que no falta ningún carácter y la opción de abajo no se aplica.',
  covered: 'Su vocabulario cubre todos los caracteres del corpus.',
  missing_one: 'Falta {{n}} carácter del corpus en el vocabulario del modelo:',
  missing_other: 'Faltan {{n}} caracteres del corpus en el vocabulario del modelo:',
  times: '×{{n}}',
  policy: 'caracteres que le faltan',
  policyExtend: 'añadirlos (filas nuevas en la incrustación y la cabeza)',
  policyDrop: 'quitarlos del corpus',
  learningRate: 'tasa de aprendizaje del ajuste',
  steps: 'pasos del ajuste',
  preparing: 'Preparando el modelo para el ajuste fino: midiendo su pérdida en el texto nuevo…',
  vocabGrew: 'Vocabulario {{from}} → {{to}}: añadidos',
  removed_one: 'Se quitó {{n}} carácter del corpus:',
  removed_other: 'Se quitaron {{n}} caracteres del corpus:',
  startLoss: 'Pérdida de validación en el texto nuevo antes de ningún paso (paso {{step}}):',
  freshLoss: 'un modelo nuevo empieza cerca de ln(vocabulario) = {{ln}}',
  prompt: 'El mismo inicio, voraz:',
  before: 'antes (paso {{step}})',
  after: 'después (paso {{step}})',
  afterPending: 'después: cuando haya entrenado',
  pauseFirst: 'Pausa el entrenamiento antes del ajuste fino.',
  nothingLeft:
    'Si quitas los caracteres que faltan en el vocabulario, no queda nada de este texto para entrenar.',
  orFineTune: 'O pulsa Ajustar para conservar este modelo y añadir o quitar los caracteres que faltan.',
  vocabularyMismatch:
    'Se cargó {{source}}. A su vocabulario le faltan algunos caracteres del corpus actual: ya puede generar, y Ajustar lo entrena con el corpus (añadiendo esos caracteres o quitándolos).',
  failed: 'No se pudo hacer el ajuste fino: {{reason}}',
};
