/**
 * The service worker: the app offline, and cross-origin isolated on any static host.
 *
 * - Offline: every file of the build (app shell, engine worker, wasm binaries, the pretrained
 *   checkpoint and its history) is precached by Workbox at install; a visit with the network off
 *   is served from that cache. Nothing else is cached: a corpus URL a person asks for goes to the
 *   network, and fails offline with the app's message.
 * - Isolation: what it serves carries COOP/COEP (coi-serviceworker's technique), so a host that
 *   sends no headers still gives wasm one thread per core (app/offline.ts reloads once for it).
 * - Updates: a new version waits until the page says so ("Reload to update"), never by itself.
 */
import { addPlugins, cleanupOutdatedCaches, precacheAndRoute } from 'workbox-precaching';
import { isolated } from './isolation';

declare const self: ServiceWorkerGlobalScope & {
  __WB_MANIFEST: (string | { url: string; revision: string | null })[];
};

addPlugins([{ handlerWillRespond: async ({ response }) => isolated(response) }]);
// Every query is the app's own (?preset=…&lang=…): the page is the same index.html whatever it says.
precacheAndRoute(self.__WB_MANIFEST, { ignoreURLParametersMatching: [/.*/] });
cleanupOutdatedCaches();

self.addEventListener('message', (event) => {
  if ((event.data as { type?: string } | null)?.type === 'SKIP_WAITING') void self.skipWaiting();
});

// The first version takes the open page at once (so it can become isolated); later ones wait.
self.addEventListener('activate', (event) => event.waitUntil(self.clients.claim()));
