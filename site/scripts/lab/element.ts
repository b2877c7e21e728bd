/**
 * <pipeline-lab>: the Lab page's custom element (STYLE §7, no framework). The lab is the page's
 * whole purpose, so it hydrates at once; Monaco, Chart.js and the workers come with the dynamic
 * import, after the server-rendered text has painted.
 */
class PipelineLab extends HTMLElement {
  private started = false;

  connectedCallback(): void {
    if (this.started) return;
    this.started = true;
    this.setAttribute('data-hydrating', '');
    import('./lab.js')
      .then(({ mount }) => mount(this))
      .then(() => this.querySelector('.lab-static')?.setAttribute('hidden', ''))
      .catch((error: unknown) => {
        this.dataset.error = error instanceof Error ? error.message : String(error);
        this.querySelector<HTMLElement>('.lab-load-error')?.removeAttribute('hidden');
      })
      .finally(() => this.removeAttribute('data-hydrating'));
  }
}

if (!customElements.get('pipeline-lab')) customElements.define('pipeline-lab', PipelineLab);
