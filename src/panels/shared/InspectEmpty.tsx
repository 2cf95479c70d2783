/** What an inspection panel says before there is anything to show, with a button to inspect now. */
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
  if (!hasModel) return <p className={className}>{noModel}</p>;
  return (
    <p className={className}>
      {busy ? 'Inspecting…' : 'Generate a token, or '}
      {!busy && (
        <button type="button" onClick={() => void actions().refreshInspection()}>
          inspect the current text
        </button>
      )}
      {!busy && ` ${purpose}`}
    </p>
  );
}
