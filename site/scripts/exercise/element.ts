/**
 * <pipeline-exercise>: the exercise island's custom element (STYLE §7). Until it scrolls into
 * view or gets focus it is plain server-rendered HTML (title, goal, the starter file); then it loads the
 * interactive part with a dynamic import, so Monaco, xterm and Chart.js never weigh on a
 * lesson page nobody scrolls down.
 */
class PipelineExercise extends HTMLElement {
  private started = false;

  connectedCallback(): void {
    if (this.started) return;
    // A keyboard user tabbing into the exercise (the starter code is focusable) must not wait for
    // scrolling: focus hydrates too, and the island then moves focus on to Run.
    this.addEventListener('focusin', () => this.hydrate(), { once: true });
    if (!('IntersectionObserver' in window)) {
      this.hydrate();
      return;
    }
    const observer = new IntersectionObserver(
      (entries) => {
        if (entries.some((e) => e.isIntersecting)) {
          observer.disconnect();
          this.hydrate();
        }
      },
      { rootMargin: '200px 0px' },
    );
    observer.observe(this);
  }

  private hydrate(): void {
    if (this.started) return;
    this.started = true;
    this.setAttribute('data-hydrating', '');
    import('./island.js')
      .then(({ mount }) => mount(this))
      .catch((error: unknown) => {
        this.dataset.error = error instanceof Error ? error.message : String(error);
        this.querySelector<HTMLElement>('.ex-load-error')?.removeAttribute('hidden');
      })
      .finally(() => this.removeAttribute('data-hydrating'));
  }
}

if (!customElements.get('pipeline-exercise')) customElements.define('pipeline-exercise', PipelineExercise);
