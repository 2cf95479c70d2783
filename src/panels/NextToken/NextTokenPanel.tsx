/** Placeholder: the Next token panel is being built. */
export function NextTokenPanel() {
  return (
    <section className="panel" data-testid="panel-next-token">
      <h2>Next token</h2>
    </section>
  );
}
