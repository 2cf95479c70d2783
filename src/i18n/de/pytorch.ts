import type { Messages } from '../catalogue';

export const pytorch: Messages<'pytorch'> = {
  export: 'In PyTorch trainieren',
  exportTitle:
    'Lade ein .zip mit train.py, den Gewichten dieses Modells, dem Korpus und dem Rezept: python train.py oder torchrun auf vielen GPUs',
  about:
    'In PyTorch trainieren: Das train.py im .zip macht mit diesen Gewichten weiter, auf einer CPU, einer GPU oder vielen (torchrun), und schreibt einen Checkpoint, den du hier mit Importieren öffnest. Ein mit karpathy/nanoGPT trainiertes Modell öffnet sich hier auch, nach dem convert_nanogpt.py aus dem Paket.',
  pauseFirst: 'Pausiere das Training, bevor du nach PyTorch exportierst.',
  building: 'Das PyTorch-Paket wird gebaut…',
  ready: '{{name}} heruntergeladen: Entpacke es in einen Ordner und lies seine README.md.',
  failed: 'Das PyTorch-Paket ließ sich nicht bauen: {{reason}}',
};
