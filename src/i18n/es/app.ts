import type { Messages } from '../catalogue';

export const app: Messages<'app'> = {
  title: 'TinyGPT',
  titleLab: 'Lab',
  tagline: 'Entrena un GPT diminuto en esta pestaña y míralo pensar.',
  backendLabel: 'motor',
  starting: 'arrancando…',
  runOn: 'Ejecutar en',
  backendAuto: 'automático',
  backendWasm: 'wasm (CPU)',
  backendCpu: 'JavaScript puro',
  language: 'Idioma',
  updateReady: 'Hay una versión nueva del laboratorio.',
  updateReload: 'Recargar para actualizar',
  threadsOffer: 'Al recargar, wasm entrena con los {{threads}} hilos de la CPU.',
  threadsReload: 'Recargar',
  dismissError: 'Cerrar el error',
  dismiss: 'Cerrar',
  lossChart: 'Gráfica de la pérdida',
  seeInside: 'Ver por dentro',
  footer:
    'Todo ocurre en este navegador: tu texto, tus modelos y su entrenamiento nunca salen de él, y el laboratorio solo pide a la red sus propios archivos y las URL que escribas. Tras una visita funciona sin conexión.',
  startingEngine: 'Arrancando el motor…',
  engineFailed: 'El motor no pudo arrancar: {{reason}}',
  linkOtherSetup:
    'Este enlace prepara otro modelo, así que no se restauró tu última sesión; tu corpus se conservó.',
  restoring: 'Restaurando tu última sesión…',
  restored: 'Sesión restaurada en el paso {{step}}.',
  restoreFailed: 'No se pudo restaurar la sesión guardada ({{reason}}); se empieza de cero.',
  yourLastCorpus: 'tu último corpus',
  // Otras pestañas (app/tabs.ts), recargas (app/offline.ts) y la recuperación del motor (app/supervisor.ts).
  otherTabOpened:
    'El laboratorio se abrió en otra pestaña. Cada pestaña guarda su propia sesión, así que ninguna sobrescribe a la otra.',
  otherTabTraining:
    'Otra pestaña del laboratorio está entrenando: las dos comparten este ordenador, así que cada una entrena más despacio.',
  otherTabStopped: 'La otra pestaña del laboratorio dejó de entrenar.',
  pausingToSave: 'Pausando el entrenamiento para guardar antes de recargar…',
  engineError: 'un error en el motor: {{message}}',
  engineErrorUnknown: 'desconocido',
  engineSilent: 'dejó de responder durante {{seconds}} s',
  engineRestarting: 'El motor se detuvo; arrancándolo de nuevo…',
  engineRecovered:
    'El motor se detuvo ({{why}}) y se volvió a arrancar{{on}} desde tu último guardado, en el paso {{step}}{{lost}}. No se perdió nada más.',
  engineOn: ' en {{backend}}',
  engineStepsLost_one: ': se perdió el paso posterior',
  engineStepsLost_other: ': se perdieron los {{n}} pasos posteriores',
  engineRetryGpu: 'Recarga la página para volver a probar la GPU.',
  engineRebuilt:
    'El motor se detuvo ({{why}}) y se volvió a arrancar. Tu corpus y tus ajustes se conservan; el modelo aún no se había guardado, así que se creó uno nuevo.',
  engineGone: 'El motor se detuvo y no se pudo volver a arrancar: {{reason}}',
};
