import type { Messages } from '../catalogue';

export const checkpoint: Messages<'checkpoint'> = {
  title: 'Sichern & teilen',
  loadPretrained: 'Vortrainiertes Modell laden',
  export: '⤓ Als .safetensors exportieren',
  import: '⤒ Checkpoint importieren…',
  pretrained: 'Vortrainiert:',
  pretrainedTraining: '{{steps}} Schritte · Validierungsverlust {{loss}}.',
  about:
    'Checkpoints verwenden die Tensornamen von nanoGPT und die Formen von PyTorch; sie lassen sich in Python in ein Modell im Stil von nanoGPT laden. Deine Sitzung wird außerdem automatisch in diesem Browser gespeichert.',
  pretrainedSource: 'das vortrainierte Modell',
  fileSource: '„{{name}}“',
  loadingPretrained: 'Das vortrainierte Modell wird geladen…',
  pretrainedFailed: 'Das vortrainierte Modell ließ sich nicht laden: {{reason}}.',
  serverAnswered: 'der Server antwortete mit {{status}}',
  exportFailed: 'Export fehlgeschlagen: {{reason}}',
  pauseFirst: 'Pausiere das Training, bevor du einen Checkpoint lädst.',
  loadFailed: 'Laden fehlgeschlagen ({{source}}): {{reason}}. Das aktuelle Modell bleibt unverändert.',
  tooLarge: '„{{name}}“ ist zu groß für einen Checkpoint hier ({{size}} MB).',
  vocabularyMismatch:
    'Geladen: {{source}}. Sein Vokabular deckt den aktuellen Korpus nicht ab: Es kann Text generieren, aber nicht darauf trainieren.',
};
