/** What an inspection panel says before there is anything to show, with a button to inspect now. */
import { useT } from '../../i18n/useT';
import { actions } from '../../store/actions';

interface Props {
  hasModel: boolean;
  busy: boolean;
  className?: string;
  /** Shown without a model: what to do first and what the panel will then show. */
  noModel: string;
  /** Ends "Generate a token, or inspect the current text …", e.g. "to explain its predictions." */
  purpose: string;
}

export function InspectEmpty({ hasModel, busy, className, noModel, purpose }: Props) {
  const t = useT();
  if (!hasModel) return <p className={className}>{noModel}</p>;
  return (
    <p className={className}>
      {busy ? t('shared.inspecting') : t('shared.generateOr')}
      {!busy && (
        <button type="button" onClick={() => void actions().refreshInspection()}>
          {t('shared.inspectCurrent')}
        </button>
      )}
      {!busy && ` ${purpose}`}
    </p>
  );
}
