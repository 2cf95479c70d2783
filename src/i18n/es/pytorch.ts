import type { Messages } from '../catalogue';

export const pytorch: Messages<'pytorch'> = {
  export: 'Entrénalo en PyTorch',
  exportTitle:
    'Descarga un .zip con train.py, los pesos de este modelo, el corpus y la receta: python train.py, o torchrun en muchas GPU',
  about:
    'Entrénalo en PyTorch: el train.py del .zip sigue desde estos pesos en una CPU, una GPU o muchas (torchrun) y escribe un checkpoint que se abre aquí con Importar. Un modelo entrenado con karpathy/nanoGPT también se abre aquí, tras pasar por el convert_nanogpt.py del paquete.',
  pauseFirst: 'Pausa el entrenamiento antes de exportar a PyTorch.',
  building: 'Preparando el paquete de PyTorch…',
  ready: 'Descargado {{name}}: descomprímelo en una carpeta y lee su README.md.',
  failed: 'No se pudo preparar el paquete de PyTorch: {{reason}}',
};
