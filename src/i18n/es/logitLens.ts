import type { Messages } from '../catalogue';

export const logitLens: Messages<'logitLens'> = {
  title: 'Lente de logits',
  presentTitle: 'la lente de logits',
  sub: 'qué predeciría cada capa a continuación',
  updating: 'actualizando…',
  noModel:
    'Entrena un modelo (o carga el preentrenado) y genera algo de texto: esta cuadrícula mostrará entonces qué predeciría cada capa en cada posición.',
  purpose: 'para ver qué adivina cada capa.',
  hint: 'Pasa el ratón por una celda para ver sus {{k}} mejores opciones; haz clic para seleccionar su posición. Teclado: enfoca la cuadrícula, ← → mueven la posición, ↑ ↓ la capa, Enter muestra las {{k}} mejores.',
  rowEmbed: 'embedding',
  rowBlock: 'tras el bloque {{k}}',
  rowOutput: 'tras el bloque {{k}} = salida',
  announce: '{{row}}, posición {{pos}} «{{token}}»: mejor opción «{{guess}}» {{prob}}{{hit}}.',
  announceCorrect: ', el siguiente token real',
  announcePrediction: ', la predicción del modelo',
  columnTitle: 'posición {{pos}}: {{token}}',
  legendTitle: 'prob. del mejor token',
  legendCorrect: 'opción = token siguiente',
  legendPrediction: 'predicción',
  legendSelected: 'seleccionada',
  tipPosition: 'posición {{pos}}',
  tipNext: 'siguiente token real',
  tipGuess: 'lo que el modelo predice como siguiente token',
  tipCorrect: 'el siguiente token real',
  summaryEmpty: 'Lente de logits: aún no se ha inspeccionado nada.',
  summaryLayer: '{{row}}: {{correct}} de {{checkable}}',
  summary:
    'Lente de logits sobre {{T}} posiciones y {{layers}} capas. La mejor opción coincide con el siguiente token real — {{parts}}. El modelo predice «{{token}}» a continuación, con probabilidad {{prob}}.',
  summarySeparator: '; ',
  tableCaption:
    'Lente de logits en la posición {{pos}} «{{token}}»: qué predeciría cada capa a continuación, las mejores opciones primero; una marca de verificación indica que la opción es el siguiente token real (la cuadrícula completa está en la exportación CSV).',
  tableLayer: 'capa',
  tableTop: 'mejor opción',
  tableOthers: 'otras opciones',
  tablePrediction: ' (predicción)',
  listSeparator: '; ',
};
