/** Placeholder: the Attention panel is being built. */
export function AttentionPanel() {
  return (
    <section className="panel" data-testid="panel-attention">
      <h2>Attention</h2>
    </section>
  );
}
