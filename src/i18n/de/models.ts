import type { Messages } from '../catalogue';

export const models: Messages<'models'> = {
  title: 'Meine Modelle',
  empty: 'Jedes Modell, das du trainierst, importierst oder lädst, wird hier in diesem Browser aufbewahrt.',
  storage:
    'Das Lab nutzt {{used}} der {{quota}}, die dieser Browser ihm erlaubt. Nichts verlässt diesen Browser.',
  megabytes: '{{size}} MB',
  gigabytes: '{{size}} GB',
  open: 'geöffnet',
  step: 'Schritt',
  noValidation: 'noch keine Validierung',
  validation: 'Val. {{loss}} Nats · {{bits}} Bits/Zeichen',
  shape: '{{layers}}×{{heads}}×{{embd}}, Block {{block}}',
  tokenizerBpe: 'BPE',
  tokenizerChars: 'Zeichen',
  openButton: 'Öffnen',
  rename: 'Umbenennen',
  duplicate: 'Duplizieren',
  exportButton: 'Exportieren',
  delete: 'Löschen',
  reallyDelete: 'Wirklich löschen?',
  openNoDelete: 'Dieses Modell ist geöffnet: Öffne ein anderes, bevor du es löschst.',
  compare: 'vergleichen',
  newName: 'Neuer Name',
  // A dash, not a preposition: the corpus's name stays in the nominative ("dein Text").
  nameOn: '{{shape}} – {{corpus}}',
  yourText: 'dein Text',
  noCorpus: 'kein Korpus',
  restored: 'wiederhergestellt',
  theModel: 'das Modell',
  pauseFirst: 'Pausiere das Training, bevor du ein anderes Modell öffnest.',
  gone: 'Dieses Modell ist nicht mehr in diesem Browser gespeichert.',
  opening: 'Das Modell wird geöffnet…',
  opened: '„{{name}}“ geöffnet. {{where}}',
  resumes: 'Es geht bei Schritt {{step}} weiter.',
  copyInOtherTab:
    'Dieses Modell ist auch in einem anderen Tab geöffnet. Dieser Tab arbeitet mit einer Kopie vom letzten Speicherstand (Schritt {{step}}), so überschreibt keiner den anderen.',
  openFailed: 'Dieses Modell ließ sich nicht öffnen: {{reason}}. Das aktuelle Modell bleibt unverändert.',
  copied: 'Kopie gespeichert: „{{name}}“.',
  copyFailed: 'Dieses Modell ließ sich nicht kopieren: {{reason}}.',
  openCannotDelete:
    'Dieses Modell ist geöffnet: Öffne ein anderes (oder baue ein neues), bevor du es löschst.',
  storageFull:
    'Der Speicher dieses Browsers ist voll{{figures}}, daher wurden die letzten Änderungen nicht gespeichert. Dein vorheriger Speicherstand bleibt erhalten. Lösche ein Modell unter „Meine Modelle“, um Platz zu schaffen.',
  storageFigures: ' ({{used}} von {{quota}} erlaubten)',
};
