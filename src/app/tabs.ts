/**
 * Several tabs of the lab at once. Each tab saves to a slot of its own, held with a Web Lock while
 * the tab lives: the first tab takes the main slot, a second one (or a duplicated tab, which
 * inherits sessionStorage) takes a new slot, starting from the other's last save, and keeps that
 * slot across its reloads. A BroadcastChannel tells each tab what the others are doing.
 */
import { useStore } from '../store/store';

export const MAIN_SLOT = 'tinygpt-lab/session/v1';
const TAB_SLOT = 'tinygpt-lab/tab-slot';
const CHANNEL = 'tinygpt-lab/tabs';

export interface Slot {
  /** Where this tab saves. */
  key: string;
  /** Where this tab's session starts from: its own slot, or the other tab's it started beside. */
  startFrom: string;
  /** Another tab holds the slot this tab would have used: it started beside it. */
  beside: boolean;
}

/**
 * Hold the lock named `name` for as long as this tab lives; false when another tab holds it.
 * It waits up to `patienceMs` for it: on a reload the page being replaced may not have let go yet.
 */
function hold(name: string, patienceMs = 0): Promise<boolean> {
  const locks = globalThis.navigator?.locks;
  if (!locks) return Promise.resolve(true); // no Web Locks: one slot, as before
  const options: LockOptions = patienceMs
    ? { signal: AbortSignal.timeout(patienceMs) }
    : { ifAvailable: true };
  return new Promise((resolve) => {
    locks
      .request(name, options, (lock) => {
        resolve(lock !== null);
        return lock ? new Promise<void>(() => {}) : undefined; // released when the tab closes
      })
      .catch(() => resolve(false)); // waited long enough: another tab lives and holds it
  });
}

function remembered(): string | null {
  try {
    return sessionStorage.getItem(TAB_SLOT);
  } catch {
    return null;
  }
}

/** Claim this tab's slot (once, at start-up). */
export async function claimSlot(): Promise<Slot> {
  const wanted = remembered() ?? MAIN_SLOT;
  if (await hold(wanted, 600)) return { key: wanted, startFrom: wanted, beside: false };
  let key = '';
  do key = `tinygpt-lab/session/tab-${crypto.randomUUID()}`;
  while (!(await hold(key)));
  try {
    sessionStorage.setItem(TAB_SLOT, key);
  } catch {
    // no sessionStorage: this tab's reload will start beside the others again
  }
  return { key, startFrom: wanted, beside: true };
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
        ? 'The lab was opened in another tab. Each tab keeps its own session, so neither overwrites the other.'
        : news.running
          ? 'Another tab of the lab is training: both share this computer, so each trains more slowly.'
          : 'The other tab of the lab stopped training.';
    useStore.setState({ notice });
  };
}
