import type { Messages } from '../catalogue';

export const checkpoint: Messages<'checkpoint'> = {
  title: 'Guardar y compartir',
  loadPretrained: 'Cargar el modelo preentrenado',
  export: '⤓ Exportar .safetensors',
  import: '⤒ Importar checkpoint…',
  pretrained: 'Preentrenado:',
  pretrainedTraining: '{{steps}} pasos · pérdida de validación {{loss}}.',
  about:
    'Los checkpoints usan los nombres de tensores de nanoGPT y las formas de PyTorch; se cargan en un modelo al estilo de nanoGPT en Python. Tu sesión también se guarda sola en este navegador.',
  pretrainedSource: 'el modelo preentrenado',
  fileSource: '«{{name}}»',
  loadingPretrained: 'Cargando el modelo preentrenado…',
  pretrainedFailed: 'No se pudo cargar el modelo preentrenado: {{reason}}.',
  serverAnswered: 'el servidor respondió {{status}}',
  exportFailed: 'No se pudo exportar: {{reason}}',
  pauseFirst: 'Pausa el entrenamiento antes de cargar un checkpoint.',
  loadFailed: 'No se pudo cargar {{source}}: {{reason}}. El modelo actual sigue igual.',
  tooLarge: '«{{name}}» es demasiado grande para un checkpoint aquí ({{size}} MB).',
  vocabularyMismatch:
    'Se cargó {{source}}. Su vocabulario no cubre el corpus actual, así que puede generar texto, pero no entrenar con él.',
};
