/** Train this in PyTorch: the bundle (train.py, corpus, tokenizer, weights) and bringing models back. */
export const pytorch = {
  export: 'Train this in PyTorch',
  exportTitle:
    'Download a .zip with train.py, this model’s weights, the corpus and the recipe: python train.py, or torchrun on many GPUs',
  about:
    'Train this in PyTorch: the .zip’s train.py goes on from these weights on a CPU, a GPU or many (torchrun), and writes a checkpoint that opens here with Import. A model trained with karpathy/nanoGPT opens here too, after the bundle’s convert_nanogpt.py.',
  pauseFirst: 'Pause training before exporting to PyTorch.',
  building: 'Building the PyTorch bundle…',
  /** {{name}}: the downloaded file's name. */
  ready: 'Downloaded {{name}}: unzip it into a folder and read its README.md.',
  failed: 'Could not build the PyTorch bundle: {{reason}}',
};
