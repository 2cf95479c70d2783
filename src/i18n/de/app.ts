import type { Messages } from '../catalogue';

export const app: Messages<'app'> = {
  title: 'TinyGPT',
  titleLab: 'Lab',
  tagline: 'Trainiere ein winziges GPT in diesem Tab und sieh ihm beim Denken zu.',
  backendLabel: 'Backend',
  starting: 'startet…',
  runOn: 'Ausführen auf',
  backendAuto: 'automatisch',
  backendWasm: 'wasm (CPU)',
  backendCpu: 'reines JavaScript',
  language: 'Sprache',
  updateReady: 'Eine neue Version des Labs ist bereit.',
  updateReload: 'Neu laden zum Aktualisieren',
  threadsOffer: 'Nach einem Neuladen trainiert wasm auf allen {{threads}} CPU-Threads.',
  threadsReload: 'Neu laden',
  dismissError: 'Fehler schließen',
  dismiss: 'Schließen',
  lossChart: 'Verlustkurve',
  seeInside: 'Blick ins Innere',
  footer:
    'Alles läuft in diesem Browser: Dein Text, deine Modelle und ihr Training verlassen ihn nie, und das Lab fragt das Netz nur nach seinen eigenen Dateien und den URLs, die du eingibst. Nach einem Besuch funktioniert es offline.',
  startingEngine: 'Die Engine startet…',
  engineFailed: 'Die Engine konnte nicht starten: {{reason}}',
  linkOtherSetup:
    'Dieser Link richtet ein anderes Modell ein, daher wurde deine letzte Sitzung nicht wiederhergestellt; dein Korpus blieb erhalten.',
  restoring: 'Deine letzte Sitzung wird wiederhergestellt…',
  restored: 'Sitzung bei Schritt {{step}} wiederhergestellt.',
  restoreFailed: 'Die gespeicherte Sitzung ließ sich nicht wiederherstellen ({{reason}}); es geht frisch los.',
  yourLastCorpus: 'dein letzter Korpus',
};
