import type { Messages } from '../catalogue';

export const fineTune: Messages<'fineTune'> = {
  title: 'Feinabstimmung',
  button: 'Feinabstimmen',
  fromCurrent:
    'Behält die Gewichte dieses Modells (Schritt {{step}}) und trainiert sie auf dem aktuellen Korpus weiter, mit einem frischen Optimierer und einer sanften Lernrate.',
  fromPretrained:
    'Startet vom vortrainierten Modell (Tiny Shakespeare), nicht vom neuen untrainierten, und trainiert es mit einem frischen Optimierer auf dem aktuellen Korpus.',
  noText: 'Gib ihm zuerst einen Text zum Feinabstimmen: füge einen Korpus ein, wähle oder lade einen.',
  bpeCovers:
    'Dieses Modell liest Bytes (Byte-Level-BPE): Jedes Byte jedes Textes ist in seinem Vokabular, also fehlt kein Zeichen, und die Auswahl unten gilt nicht.',
  covered: 'Sein Vokabular enthält jedes Zeichen des Korpus.',
  missing_one: '{{n}} Zeichen des Korpus fehlt im Vokabular des Modells:',
  missing_other: '{{n}} Zeichen des Korpus fehlen im Vokabular des Modells:',
  times: '×{{n}}',
  policy: 'fehlende Zeichen',
  policyExtend: 'hinzufügen (neue Zeilen in Embedding und Kopf)',
  policyDrop: 'aus dem Korpus entfernen',
  learningRate: 'Lernrate der Feinabstimmung',
  steps: 'Schritte der Feinabstimmung',
  preparing: 'Das Modell wird zum Feinabstimmen vorbereitet: Sein Verlust auf dem neuen Text wird gemessen…',
  vocabGrew: 'Vokabular {{from}} → {{to}}: hinzugefügt',
  removed_one: '{{n}} Zeichen aus dem Korpus entfernt:',
  removed_other: '{{n}} Zeichen aus dem Korpus entfernt:',
  startLoss: 'Validierungsverlust auf dem neuen Text vor dem ersten Schritt (Schritt {{step}}):',
  freshLoss: 'ein neues Modell startet bei etwa ln(Vokabular) = {{ln}}',
  prompt: 'Derselbe Anfang, gierig:',
  before: 'vorher (Schritt {{step}})',
  after: 'nachher (Schritt {{step}})',
  afterPending: 'nachher: sobald es trainiert hat',
  pauseFirst: 'Pausiere das Training vor dem Feinabstimmen.',
  nothingLeft:
    'Ohne die Zeichen, die dem Vokabular fehlen, bleibt von diesem Text nichts zum Trainieren übrig.',
  orFineTune:
    'Oder drück Feinabstimmen, um dieses Modell zu behalten und die fehlenden Zeichen hinzuzufügen oder zu entfernen.',
  vocabularyMismatch:
    '{{source}} geladen. Seinem Vokabular fehlen einige Zeichen des aktuellen Korpus: Es kann jetzt schon generieren, und Feinabstimmen trainiert es auf dem Korpus (mit diesen Zeichen hinzugefügt oder entfernt).',
  failed: 'Feinabstimmung fehlgeschlagen: {{reason}}',
};
