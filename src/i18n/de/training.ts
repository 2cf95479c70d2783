import type { Messages } from '../catalogue';

export const training: Messages<'training'> = {
  title: '3 · Trainieren',
  train: 'Trainieren',
  resume: 'Fortsetzen',
  pause: 'Pause',
  reset: 'Zurücksetzen',
  warmingUp: 'Kernels werden aufgewärmt…',
  progress: 'Trainingsfortschritt',
  step: 'Schritt',
  pastMax: '(max. {{max}})',
  trainLoss: 'Trainingsverlust',
  valLoss: 'Val.-Verlust',
  tokensPerSec: 'Tokens/s',
  elapsed: 'vergangen',
  eta: 'Restzeit',
  seconds: '{{s}}s',
  minutes: '{{m}}m {{s}}s',
  memoryTitle: 'Bleibt der Wert über viele Schritte gleich, leckt nichts',
  memory: 'Engine-Speicher: {{tensors}} Tensoren ({{size}} MB)',
  wasmHeap: ' · wasm-Heap {{size}} MB',
  samplesAt: 'Was es bei Schritt {{step}} schreibt',
  modelKept:
    'Das trainierte Modell bleibt erhalten. Drück Zurücksetzen, um ein neues Modell für diese Einstellungen zu bauen.',
  atMaxSteps:
    'Die maximale Schrittzahl ({{max}}) ist schon erreicht. Erhöhe max. Schritte, um weiterzutrainieren, oder drück Zurücksetzen, um neu anzufangen.',
  measure: 'Backends messen',
  msPerStepHere: 'ms pro Schritt hier:',
  software: '(Software)',
  ms: '{{ms}} ms',
  notTimed: 'nicht gemessen',
  failed: 'fehlgeschlagen',
  tooSlow: '> 20 s',
  runOnFastest: 'Auf {{backend}} ausführen',
  fastestInUse: '· {{backend}} ist hier am schnellsten und schon in Gebrauch.',
  autoRuns:
    '„automatisch“ läuft auf {{backend}}: Das war für dieses Modell auf diesem Gerät am schnellsten ({{day}}).',
  autoChose:
    '„automatisch“ wählte {{backend}}: der schnellste Trainingsschritt unter den gemessenen für dieses Modell.{{untimed}}',
  untimed_one:
    ' {{backends}} ist hier eine Software-GPU, langsamer als wasm, daher nicht gemessen (Backends messen misst sie).',
  untimed_other:
    ' {{backends}} sind hier Software-GPUs, langsamer als wasm, daher nicht gemessen (Backends messen misst sie).',
  and: ' und ',
  pauseBeforeSwitch: 'Pausiere das Training, bevor du das Backend wechselst.',
  pauseBeforeMeasure: 'Pausiere das Training, bevor du die Backends misst.',
  moving: 'Die Engine wechselt auf {{backend}}…',
  moveFailed: 'Wechsel auf {{backend}} fehlgeschlagen: {{reason}}',
  timing:
    'Ein Trainingsschritt wird auf jedem Backend gemessen (eine Software-GPU kann eine Minute brauchen)…',
  measureFailed: 'Die Backends ließen sich nicht messen: {{reason}}',
  choosing:
    'Das schnellste Backend für dieses Modell wird gewählt: Ein Trainingsschritt wird auf jedem gemessen…',
};
