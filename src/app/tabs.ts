/**
 * Several tabs of the lab at once. Each tab has a slot of its own (which model is open in it), held
 * with a Web Lock while the tab lives: the first tab takes the main slot, a second one (or a
 * duplicated tab, which inherits sessionStorage) a new one that it keeps across its reloads. Each
 * open model's record is locked too, so a model open in two tabs is written by one only (the
 * other saves a copy). A BroadcastChannel tells each tab what the others are doing.
 */
import { t } from '../i18n/i18n';
import { useStore } from '../store/store';

export const MAIN_SLOT = 'tinygpt-lab/session/v1';
const TAB_SLOT = 'tinygpt-lab/tab-slot';
const CHANNEL = 'tinygpt-lab/tabs';

/** Lets go of a held lock. */
type Release = () => void;

/**
 * Hold the lock named `name` for as long as this tab lives (or until released); null when another
 * tab holds it. It waits up to `patienceMs`: on a reload the page being replaced may not have let go yet.
 */
function acquire(name: string, patienceMs = 0): Promise<Release | null> {
  const locks = globalThis.navigator?.locks;
  if (!locks) return Promise.resolve(() => {}); // no Web Locks: every tab writes where it likes, as before
  const options: LockOptions = patienceMs
    ? { signal: AbortSignal.timeout(patienceMs) }
    : { ifAvailable: true };
  return new Promise((resolve) => {
    locks
      .request(name, options, (lock) => {
        if (!lock) return resolve(null);
        return new Promise<void>((letGo) => resolve(letGo));
      })
      .catch(() => resolve(null)); // waited long enough: another tab lives and holds it
  });
}

let modelLock: { id: string; release: Release } | null = null;

/**
 * Hold the open model's lock, so no other tab writes its record; false when another tab has it
 * open (this tab then saves its work as a copy).
 */
export async function holdModel(id: string, patienceMs = 0): Promise<boolean> {
  if (modelLock?.id === id) return true;
  const release = await acquire(`tinygpt-lab/model-lock/${id}`, patienceMs);
  if (!release) return false;
  modelLock?.release();
  modelLock = { id, release };
  return true;
}

function remembered(): string | null {
  try {
    return sessionStorage.getItem(TAB_SLOT);
  } catch {
    return null;
  }
}

/** Claim this tab's slot (once, at start-up): the key its session pointer is saved under. */
export async function claimSlot(): Promise<string> {
  const wanted = remembered() ?? MAIN_SLOT;
  if (await acquire(wanted, 600)) return wanted;
  let key = '';
  do key = `tinygpt-lab/session/tab-${crypto.randomUUID()}`;
  while (!(await acquire(key)));
  try {
    sessionStorage.setItem(TAB_SLOT, key);
  } catch {
    // no sessionStorage: this tab's reload will start beside the others again
  }
  return key;
}

type News = { kind: 'opened' } | { kind: 'training'; running: boolean };

const channel = typeof BroadcastChannel === 'function' ? new BroadcastChannel(CHANNEL) : null;

/** Tell the other tabs what this one is doing. */
export function tellOtherTabs(news: News): void {
  channel?.postMessage(news);
}

/** Show what the other tabs say, as a notice. */
export function listenToOtherTabs(): void {
  if (!channel) return;
  channel.onmessage = (e: MessageEvent<News>) => {
    const news = e.data;
    const notice =
      news.kind === 'opened'
        ? t('app.otherTabOpened')
        : news.running
          ? t('app.otherTabTraining')
          : t('app.otherTabStopped');
    useStore.setState({ notice });
  };
}
