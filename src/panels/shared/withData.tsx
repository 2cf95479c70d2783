/**
 * A translated message with data in it (a token, a file name): the message's words come from the
 * catalogue, the data is shown in a <span translate="no">, so neither a browser's translator nor
 * the pseudo-locale check (e2e/i18n-complete.spec.ts) takes the data for untranslated text.
 */
import type { ReactNode } from 'react';

const SEP = '\u0000'; // never in a catalogue nor in a token the page shows

/** What to hand t() in place of the data value `name`. */
export function slot(name: string): string {
  return `${SEP}${name}${SEP}`;
}

/** `message` — from t() with slot(name) values — with each slot filled by data[name], marked translate="no". */
export function withData(message: string, data: Record<string, string>): ReactNode {
  const parts = message.split(SEP);
  return (
    <>
      {parts.map((part, i) =>
        i % 2 === 0 ? (
          part
        ) : (
          // biome-ignore lint/suspicious/noArrayIndexKey: the parts of one message, in order.
          <span key={i} translate="no">
            {data[part]}
          </span>
        ),
      )}
    </>
  );
}
