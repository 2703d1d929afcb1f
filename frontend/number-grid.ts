import { LitElement, css, html } from 'lit';
import { customElement, property } from 'lit/decorators.js';

/**
 * A small matrix of numbers (the lecture's 7×9 pixels, or a feature map) as a table. Cells in
 * `highlight` are marked (the kernel's window); the `selected` cell is outlined. Clicking,
 * hovering, or moving with the arrow keys fires `cell-selected` with the row and column.
 */
@customElement('number-grid')
export class NumberGrid extends LitElement {
  @property({ type: Number }) rows = 0;
  @property({ type: Number }) cols = 0;
  @property({ type: Array }) values: number[] = [];
  @property({ type: Array }) highlight: number[] = [];
  @property({ type: Number }) selected = -1;
  @property({ type: Number }) digits = 0;
  @property({ type: String }) caption = '';
  @property({ type: Boolean }) interactive = false;
  /** The page's language, for the decimal mark and grouping (the server's Numbers formats the same way). */
  @property({ type: String }) locale = 'es';

  static styles = css`
    :host { display: inline-block; }
    table { border-collapse: collapse; font-family: var(--lumo-font-family-monospace, monospace); font-size: 0.85em; }
    caption { text-align: left; font-weight: 600; padding-bottom: 0.25em; font-family: var(--lumo-font-family, sans-serif); }
    td { border: 1px solid var(--lumo-contrast-20pct, #ccc); padding: 0.15em 0.4em; text-align: right; min-width: 2.2em; }
    td.hl { background: #fde8c8; }
    td.sel { outline: 3px solid #0072b2; outline-offset: -3px; font-weight: 700; }
    :host([interactive]) td { cursor: pointer; }
    td:focus { outline: 3px solid #d55e00; outline-offset: -3px; }
  `;

  render() {
    const hl = new Set(this.highlight);
    const format = new Intl.NumberFormat(this.locale || 'es', { minimumFractionDigits: this.digits, maximumFractionDigits: this.digits, useGrouping: true });
    return html`<table role="grid" aria-label=${this.caption}>
      ${this.caption ? html`<caption>${this.caption}</caption>` : ''}
      ${Array.from({ length: this.rows }, (_, r) => html`<tr>
        ${Array.from({ length: this.cols }, (_, c) => {
          const i = r * this.cols + c;
          const v = this.values[i];
          return html`<td data-row=${r} data-col=${c}
            class=${(hl.has(i) ? 'hl ' : '') + (this.selected === i ? 'sel' : '')}
            tabindex=${this.interactive && (this.selected === i || (this.selected < 0 && i === 0)) ? 0 : -1}
            @click=${() => this.select(r, c)} @mouseenter=${() => this.select(r, c)}
            @keydown=${(e: KeyboardEvent) => this.key(e, r, c)}>${v === undefined ? '' : format.format(v)}</td>`;
        })}
      </tr>`)}
    </table>`;
  }

  private select(row: number, col: number) {
    if (!this.interactive) return;
    if (this.selected === row * this.cols + col) return;
    this.selected = row * this.cols + col;
    this.dispatchEvent(new CustomEvent('cell-selected', { detail: { row, col }, bubbles: true, composed: true }));
  }

  private key(e: KeyboardEvent, r: number, c: number) {
    const moves: Record<string, [number, number]> = { ArrowUp: [-1, 0], ArrowDown: [1, 0], ArrowLeft: [0, -1], ArrowRight: [0, 1] };
    const m = moves[e.key];
    if (!m) return;
    e.preventDefault();
    const nr = Math.min(this.rows - 1, Math.max(0, r + m[0]));
    const nc = Math.min(this.cols - 1, Math.max(0, c + m[1]));
    this.select(nr, nc);
    this.updateComplete.then(() => (this.renderRoot.querySelector(`td[data-row="${nr}"][data-col="${nc}"]`) as HTMLElement)?.focus());
  }
}
