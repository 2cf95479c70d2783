/** Placeholder: the Saliency panel is being built. */
export function SaliencyPanel() {
  return (
    <section className="panel" data-testid="panel-saliency">
      <h2>Saliency</h2>
    </section>
  );
}
