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
};
