import type { Messages } from '../catalogue';

export const nextToken: Messages<'nextToken'> = {
  title: 'El siguiente token, paso a paso',
  presentWhat: 'la vista del siguiente token',
  ablated_one: 'con {{count}} cabeza desactivada',
  ablated_other: 'con {{count}} cabezas desactivadas',
  noModel:
    'Entrena un modelo (o carga el preentrenado) y pulsa Paso para ver cómo elige cada siguiente token.',
  noResult: 'Pulsa Paso (o Generar) para ver los candidatos del modelo para el siguiente token.',
  ownText: 'Se muestra el texto inspeccionado; Paso continúa el prompt + la salida.',
  ablatedNote: 'Las barras, Paso y Generar usan el modelo con esas cabezas desactivadas.',
  chartLabel: 'Candidatos al siguiente token con seis reglas de muestreo. {{summary}}',
  summary: 'Paso añade «{{token}}» ({{p}} con tus ajustes, u = {{u}}).',
  legendBefore:
    'Cada columna es una regla aplicada a los mismos logits; «tuyos» son tus ajustes de generación, los que usa Paso (* = desactivado en tus ajustes, se muestra con un valor de ejemplo). Barras: probabilidad;',
  legendAfter:
    'el token que elige esa regla. Franjas: la distribución acumulada en el orden del vocabulario; la marca negra es el sorteo compartido u. Teclas: ↑↓ candidatos, ←→ posición en el contexto, Enter = Paso, Space = Reproducir/Pausa.',
  contextLabel: 'Contexto (haz clic en un token para seleccionarlo)',
  tokenTitle: 'posición {{pos}}: {{token}}',
  tokenTitleNewest: 'posición {{pos}}: {{token}} (recién añadido)',
  rules: {
    model: 'modelo',
    greedy: 'voraz',
    temperature: 'temp.',
    topk: 'top-k',
    topp: 'top-p',
    yours: 'tuyos',
  },
  detailT: 'T = {{t}}',
  detailArgmax: 'argmax',
  detailK: 'k = {{k}}',
  detailP: 'p = {{p}}',
  detailGreedy: 'voraz',
  detailStep: 'Paso',
  stripTitle: 'u={{u}}',
  cut: 'fuera',
  rowPart: '{{rule}} {{p}}',
  rowPartPicked: '{{rule}} {{p}} (elegido)',
  row: '«{{token}}»: {{parts}}',
  tableCaption:
    'Probabilidad del siguiente token con cada regla de muestreo; un único sorteo compartido u = {{u}}',
  tableToken: 'token',
  pickedWithU: 'elegido con u',
};
