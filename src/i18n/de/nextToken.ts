import type { Messages } from '../catalogue';

export const nextToken: Messages<'nextToken'> = {
  title: 'Das nächste Token, Schritt für Schritt',
  presentWhat: 'die Next-Token-Ansicht',
  ablated_one: 'mit {{count}} abgeschaltetem Kopf',
  ablated_other: 'mit {{count}} abgeschalteten Köpfen',
  noModel:
    'Trainiere ein Modell (oder lade das vortrainierte) und drück dann Schritt, um zuzusehen, wie es jedes nächste Token wählt.',
  noResult: 'Drück Schritt (oder Generieren), um die Kandidaten des Modells für das nächste Token zu sehen.',
  ownText: 'Hier steht der untersuchte Text; Schritt setzt Prompt + Ausgabe fort.',
  ablatedNote: 'Balken, Schritt und Generieren nutzen das Modell mit diesen abgeschalteten Köpfen.',
  chartLabel: 'Kandidaten für das nächste Token unter sechs Sampling-Regeln. {{summary}}',
  summary: 'Schritt hängt „{{token}}“ an ({{p}} mit deinen Einstellungen, u = {{u}}).',
  legendBefore:
    'Jede Spalte ist eine Regel, angewandt auf dieselben Logits; „deine“ sind deine Generierungseinstellungen, die Schritt nutzt (* = in deinen Einstellungen aus, mit einem Beispielwert gezeigt). Balken: Wahrscheinlichkeit;',
  legendAfter:
    'das Token, das die Regel wählt. Streifen: die kumulative Verteilung in Vokabular-Reihenfolge; die schwarze Marke ist die gemeinsame Zufallszahl u. Tasten: ↑↓ Kandidaten, ←→ Position im Kontext, Enter = Schritt, Space = Abspielen/Pause.',
  contextLabel: 'Kontext (klick auf ein Token, um es auszuwählen)',
  tokenTitle: 'Position {{pos}}: {{token}}',
  tokenTitleNewest: 'Position {{pos}}: {{token}} (gerade angehängt)',
  rules: {
    model: 'Modell',
    greedy: 'greedy',
    temperature: 'Temp.',
    topk: 'Top-k',
    topp: 'Top-p',
    yours: 'deine',
  },
  detailT: 'T = {{t}}',
  detailArgmax: 'argmax',
  detailK: 'k = {{k}}',
  detailP: 'p = {{p}}',
  detailGreedy: 'greedy',
  detailStep: 'Schritt',
  stripTitle: 'u={{u}}',
  cut: 'gekappt',
  rowPart: '{{rule}} {{p}}',
  rowPartPicked: '{{rule}} {{p}} (gewählt)',
  row: '„{{token}}“: {{parts}}',
  tableCaption:
    'Wahrscheinlichkeit des nächsten Tokens unter jeder Sampling-Regel; eine gemeinsame Zufallszahl u = {{u}}',
  tableToken: 'Token',
  pickedWithU: 'mit u gewählt',
};
