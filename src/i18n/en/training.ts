/** 3 · Train: train, pause and reset, the run's figures, and choosing and timing the backends. */
export const training = {
  title: '3 · Train',
  train: 'Train',
  resume: 'Resume',
  pause: 'Pause',
  reset: 'Reset',
  warmingUp: 'warming up kernels…',
  progress: 'Training progress',
  step: 'step',
  /** After the step, when a loaded model is past the max steps. */
  pastMax: '(max {{max}})',
  trainLoss: 'train loss',
  valLoss: 'val loss',
  tokensPerSec: 'tokens/s',
  elapsed: 'elapsed',
  eta: 'ETA',
  seconds: '{{s}}s',
  minutes: '{{m}}m {{s}}s',
  memoryTitle: 'Flat over many steps means nothing leaks',
  memory: 'engine memory: {{tensors}} tensors ({{size}} MB)',
  wasmHeap: ' · wasm heap {{size}} MB',
  samplesAt: 'What it writes at step {{step}}',
  // What training says (app/training-actions.ts).
  modelKept: 'The trained model is kept. Press Reset to build a new model for this setup.',
  atMaxSteps:
    'Already at max steps ({{max}}). Raise max steps to train further, or press Reset to start over.',
  // Measure backends (panels/Training/BackendFigures.tsx, app/backend-actions.ts, app/backend-choice.ts).
  measure: 'Measure backends',
  msPerStepHere: 'ms per step here:',
  /** After a backend's name: a GPU the browser emulates on the CPU. */
  software: '(software)',
  ms: '{{ms}} ms',
  notTimed: 'not timed',
  failed: 'failed',
  /** A step that took longer than the measurement waits. */
  tooSlow: '> 20 s',
  runOnFastest: 'Run on {{backend}}',
  fastestInUse: '· {{backend}} is the fastest here, and in use.',
  /** "auto": the backend setting's name. {{day}}: the date it was measured. */
  autoRuns: 'auto runs on {{backend}}: it measured fastest for this model on this device ({{day}}).',
  /** {{untimed}}: untimed, or nothing when every backend was timed. */
  autoChose: 'auto chose {{backend}}: the fastest training step of those timed for this model.{{untimed}}',
  /** {{backends}}: names joined by and. */
  untimed_one:
    ' {{backends}} is a software GPU here, slower than wasm, so not timed (Measure backends times it).',
  untimed_other:
    ' {{backends}} are software GPUs here, slower than wasm, so not timed (Measure backends times them).',
  and: ' and ',
  pauseBeforeSwitch: 'Pause training before switching the backend.',
  pauseBeforeMeasure: 'Pause training before measuring the backends.',
  moving: 'Moving the engine to {{backend}}…',
  moveFailed: 'Could not move to {{backend}}: {{reason}}',
  timing: 'Timing a training step on each backend (a software GPU may take a minute)…',
  measureFailed: 'Could not measure the backends: {{reason}}',
  choosing: 'Choosing the fastest backend for this model: timing a training step on each…',
};
