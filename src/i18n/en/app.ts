/** The page around the panels: header, menus, messages, footer, start-up and updates. */
export const app = {
  title: 'TinyGPT',
  titleLab: 'Lab',
  tagline: 'Train a tiny GPT in this tab and watch it think.',
  backendLabel: 'backend',
  starting: 'starting…',
  runOn: 'Run on',
  backendAuto: 'auto',
  backendWasm: 'wasm (CPU)',
  backendCpu: 'plain JavaScript',
  language: 'Language',
  updateReady: 'A new version of the lab is ready.',
  updateReload: 'Reload to update',
  threadsOffer: 'A reload lets wasm train on all {{threads}} CPU threads.',
  threadsReload: 'Reload',
  dismissError: 'Dismiss error',
  dismiss: 'Dismiss',
  lossChart: 'Loss chart',
  seeInside: 'See inside',
  footer:
    'Everything runs in this browser: your text, your models and their training never leave it, and the lab asks the network only for its own files and the URLs you enter. After one visit it works offline.',
  startingEngine: 'Starting the engine…',
  engineFailed: 'The engine could not start: {{reason}}',
  linkOtherSetup:
    'This link sets up a different model, so your last session was not restored; your corpus was kept.',
  restoring: 'Restoring your last session…',
  restored: 'Restored your session at step {{step}}.',
  restoreFailed: 'The autosaved session could not be restored ({{reason}}); starting fresh.',
  yourLastCorpus: 'your last corpus',
  // Other tabs (app/tabs.ts), reloads (app/offline.ts), and the engine's recovery (app/supervisor.ts).
  otherTabOpened:
    'The lab was opened in another tab. Each tab keeps its own session, so neither overwrites the other.',
  otherTabTraining:
    'Another tab of the lab is training: both share this computer, so each trains more slowly.',
  otherTabStopped: 'The other tab of the lab stopped training.',
  pausingToSave: 'Pausing training to save before the reload…',
  engineError: 'an error in the engine: {{message}}',
  engineErrorUnknown: 'unknown',
  engineSilent: 'it stopped answering for {{seconds}} s',
  engineRestarting: 'The engine stopped; starting it again…',
  /** {{on}}: engineOn, when it came back on another backend; {{lost}}: engineStepsLost ({{n}}: the count, formatted), when steps were lost. */
  engineRecovered:
    'The engine stopped ({{why}}) and was started again{{on}} from your last save, at step {{step}}{{lost}}. Nothing else was lost.',
  engineOn: ' on {{backend}}',
  engineStepsLost_one: ': the {{n}} step since was lost',
  engineStepsLost_other: ': the {{n}} steps since were lost',
  engineRetryGpu: 'Reload the page to try the GPU again.',
  engineRebuilt:
    'The engine stopped ({{why}}) and was started again. Your corpus and settings are kept; the model had not been saved yet, so a new one was built.',
  engineGone: 'The engine stopped and could not be started again: {{reason}}',
};
