/** The catalogue in the language the person picked, for components: re-renders when it changes. */
import { useStore } from '../store/store';
import { t } from './i18n';

export function useT(): typeof t {
  useStore((s) => s.lang); // subscribe: a new language re-renders whoever reads messages
  return t;
}
