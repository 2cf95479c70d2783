/** Placeholder: the Logit lens panel is being built. */
export function LogitLensPanel() {
  return (
    <section className="panel" data-testid="panel-logit-lens">
      <h2>Logit lens</h2>
    </section>
  );
}
