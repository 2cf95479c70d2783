/** Placeholder: the Concepts panel is being built. */
export function ConceptsPanel() {
  return (
    <section className="panel" data-testid="panel-concepts">
      <h2>Concepts</h2>
    </section>
  );
}
