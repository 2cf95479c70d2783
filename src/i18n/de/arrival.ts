import type { Messages } from '../catalogue';

export const arrival: Messages<'arrival'> = {
  title: 'Ein winziges GPT beim Denken',
  learned: 'Es hat {{name}} gelernt ({{millions}} Millionen Zeichen) und läuft in diesem Tab.',
  loading: 'Ein Modell, das Shakespeare gelernt hat, wird geladen…',
  below: 'Darunter: was es als Nächstes vorhersagt, wohin es schaut und was jede Schicht raten würde.',
  tryPrompt: 'Probier einen eigenen Prompt',
  trainOwn: 'Trainiere dein eigenes Modell →',
  trainOwnNotice:
    'Füge den Text ein, den dein Modell lernen soll, oder wähle einen aus, und drücke dann auf Trainieren.',
};
