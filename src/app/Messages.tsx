/** The error region (CONTRACT: data-testid="error", role="alert") and a quieter notice line. */
import { useT } from '../i18n/useT';
import { useStore } from '../store/store';

export function Messages() {
  const t = useT();
  const error = useStore((s) => s.error);
  const notice = useStore((s) => s.notice);
  return (
    <div className="messages">
      <div data-testid="error" role="alert" className={error ? 'error' : 'error empty'}>
        {error && (
          <>
            <span>{error}</span>
            <button
              type="button"
              aria-label={t('app.dismissError')}
              onClick={() => useStore.setState({ error: null })}
            >
              ×
            </button>
          </>
        )}
      </div>
      {notice && !error && (
        <div className="notice" role="status">
          <span>{notice}</span>
          <button
            type="button"
            aria-label={t('app.dismiss')}
            onClick={() => useStore.setState({ notice: null })}
          >
            ×
          </button>
        </div>
      )}
    </div>
  );
}
