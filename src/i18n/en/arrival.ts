/** The first visit's band above the panels. */
export const arrival = {
  title: 'A tiny GPT, thinking',
  learned: 'It learned {{name}} ({{millions}} million characters) and runs in this tab.',
  loading: 'Loading a model that learned Shakespeare…',
  below: 'Below: what it predicts next, where it looks, and what each layer would guess.',
  tryPrompt: 'Try your own prompt',
  trainOwn: 'Train your own model →',
  trainOwnNotice: 'Paste or pick the text your model should learn, then press Train.',
};
