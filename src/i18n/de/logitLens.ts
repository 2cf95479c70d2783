import type { Messages } from '../catalogue';

export const logitLens: Messages<'logitLens'> = {
  title: 'Logit-Lens',
  presentTitle: 'die Logit-Lens',
  sub: 'was jede Schicht als Nächstes vorhersagen würde',
  updating: 'aktualisiere…',
  noModel:
    'Trainiere ein Modell (oder lade das vortrainierte) und erzeuge etwas Text: Dann zeigt dieses Raster, was jede Schicht an jeder Position vorhersagen würde.',
  purpose: '– dann siehst du, was jede Schicht tippt.',
  hint: 'Fahre über eine Zelle für die {{k}} besten Tipps; klicke, um ihre Position auszuwählen. Tastatur: Fokussiere das Raster, ← → bewegen die Position, ↑ ↓ die Schicht, Enter zeigt die besten {{k}}.',
  rowEmbed: 'Embedding',
  rowBlock: 'nach Block {{k}}',
  rowOutput: 'nach Block {{k}} = Ausgabe',
  announce: '{{row}}, Position {{pos}} „{{token}}“: bester Tipp „{{guess}}“ {{prob}}{{hit}}.',
  announceCorrect: ', das tatsächliche nächste Token',
  announcePrediction: ', die Vorhersage des Modells',
  columnTitle: 'Position {{pos}}: {{token}}',
  legendTitle: 'Wahrsch. Top-Token',
  legendCorrect: 'Tipp = nächstes Token',
  legendPrediction: 'Modellvorhersage',
  legendSelected: 'ausgewählt',
  tipPosition: 'Position {{pos}}',
  tipNext: 'tatsächliches nächstes Token',
  tipGuess: 'der Tipp des Modells für das nächste Token',
  tipCorrect: 'das tatsächliche nächste Token',
  summaryEmpty: 'Logit-Lens: Noch nichts untersucht.',
  summaryLayer: '{{row}}: {{correct}} von {{checkable}}',
  summary:
    'Logit-Lens über {{T}} Positionen und {{layers}} Schichten. Der beste Tipp ist das tatsächliche nächste Token — {{parts}}. Das Modell sagt als Nächstes „{{token}}“ voraus, mit Wahrscheinlichkeit {{prob}}.',
  summarySeparator: '; ',
  tableCaption:
    'Logit-Lens an Position {{pos}} „{{token}}“: was jede Schicht als Nächstes vorhersagen würde, beste Tipps zuerst; ein Häkchen heißt, der Tipp ist das tatsächliche nächste Token (das ganze Raster steht im CSV-Export).',
  tableLayer: 'Schicht',
  tableTop: 'bester Tipp',
  tableOthers: 'weitere Tipps',
  tablePrediction: ' (Vorhersage)',
  listSeparator: '; ',
};
