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
  restoreFailed:
    'Die gespeicherte Sitzung ließ sich nicht wiederherstellen ({{reason}}); es geht frisch los.',
  yourLastCorpus: 'dein letzter Korpus',
  // Andere Tabs (app/tabs.ts), Neuladen (app/offline.ts) und die Wiederherstellung der Engine (app/supervisor.ts).
  otherTabOpened:
    'Das Lab wurde in einem weiteren Tab geöffnet. Jeder Tab behält seine eigene Sitzung, keiner überschreibt den anderen.',
  otherTabTraining:
    'Ein anderer Tab des Labs trainiert gerade: Beide teilen sich diesen Computer, daher trainiert jeder langsamer.',
  otherTabStopped: 'Der andere Tab des Labs hat das Training beendet.',
  pausingToSave: 'Das Training wird pausiert, um vor dem Neuladen zu speichern…',
  engineError: 'ein Fehler in der Engine: {{message}}',
  engineErrorUnknown: 'unbekannt',
  engineSilent: 'sie hat {{seconds}} s lang nicht geantwortet',
  engineRestarting: 'Die Engine ist ausgefallen; sie wird neu gestartet…',
  engineRecovered:
    'Die Engine ist ausgefallen ({{why}}) und wurde{{on}} ab deinem letzten Speicherstand bei Schritt {{step}} neu gestartet{{lost}}. Sonst ging nichts verloren.',
  engineOn: ' auf {{backend}}',
  engineStepsLost_one: ': Der eine Schritt seitdem ist verloren',
  engineStepsLost_other: ': Die {{n}} Schritte seitdem sind verloren',
  engineRetryGpu: 'Lade die Seite neu, um die GPU noch einmal zu versuchen.',
  engineRebuilt:
    'Die Engine ist ausgefallen ({{why}}) und wurde neu gestartet. Dein Korpus und deine Einstellungen bleiben erhalten; das Modell war noch nicht gespeichert, daher wurde ein neues erstellt.',
  engineGone: 'Die Engine ist ausgefallen und konnte nicht neu gestartet werden: {{reason}}',
};
