/** The error region (CONTRACT: data-testid="error", role="alert") and a quieter notice line. */
import { useStore } from '../store/store';

export function Messages() {
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
              aria-label="Dismiss error"
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
          <button type="button" aria-label="Dismiss" onClick={() => useStore.setState({ notice: null })}>
            ×
          </button>
        </div>
      )}
    </div>
  );
}
