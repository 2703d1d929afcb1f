import { LitElement, css, html } from 'lit';
import { customElement, property } from 'lit/decorators.js';

/**
 * The k×k kernel as a grid of text inputs. Arrow keys move between cells (Enter moves down), so
 * the grid is usable without a mouse. Every edit fires `kernel-input` with all cell texts: at once
 * when the last one went out more than `debounce` ms ago, otherwise once typing pauses for
 * `debounce` ms (a burst of keystrokes costs one request, an isolated edit no wait). The server
 * parses and validates the texts (so "1,5" and "1/16" work) and sends back which cell, if any, is
 * invalid. Each edit carries a sequence number the server acknowledges with its answer; until it
 * has acknowledged the latest, and while typing waits for the debounce, its answers to earlier edits
 * do not overwrite the cells (on a slow network they would undo what the student typed meanwhile).
 */
@customElement('kernel-grid')
export class KernelGrid extends LitElement {
  @property({ type: Number }) size = 3;
  @property({ type: Array }) values: string[] = [];
  @property({ type: Number }) invalidCell = -1;
  @property({ type: String }) cellLabel = 'f[{u},{v}]';
  @property({ type: Number }) debounce = 40;
  @property({ type: Number }) acknowledged = 0;
  private sent = 0;
  private timer: number | undefined;
  private lastSent = -Infinity;

  static styles = css`
    :host { display: inline-block; }
    .grid { display: grid; gap: 2px; }
    input { width: 4.2em; box-sizing: border-box; text-align: right; font: inherit;
            font-family: var(--lumo-font-family-monospace, monospace); padding: 0.2em 0.3em;
            border: 1px solid var(--lumo-contrast-30pct, #aaa); border-radius: 3px; background: var(--lumo-base-color, #fff); color: inherit; }
    input:focus { outline: 2px solid var(--lumo-primary-color, #1676f3); }
    @media (pointer: coarse) { input { min-height: 44px; } }   /* a touch target (issue 30) */
    input[aria-invalid='true'] { border-color: var(--lumo-error-color, #c00); background: var(--lumo-error-color-10pct, #fee); }
    :host([size-large]) input { width: 3.4em; font-size: 0.8em; }
  `;

  render() {
    const k = this.size;
    return html`<div class="grid" role="grid" style="grid-template-columns: repeat(${k}, auto)">
      ${Array.from({ length: k * k }, (_, i) => html`
        <input id=${`cell-${i}`} inputmode="decimal" autocomplete="off" spellcheck="false"
          aria-label=${this.cellLabel.replace('{u}', String(Math.floor(i / k))).replace('{v}', String(i % k))}
          aria-invalid=${this.invalidCell === i ? 'true' : 'false'}
          .value=${this.values[i] ?? '0'}
          @input=${this.changed} @keydown=${(e: KeyboardEvent) => this.navigate(e, i)} />`)}
    </div>`;
  }

  willUpdate(changed: Map<string, unknown>) {
    // the server's answer to an older edit, while a newer one is on its way or still waiting for the debounce
    if (changed.has('values') && (this.acknowledged < this.sent || this.timer !== undefined)) {
      const typed = this.cells().map((c) => c.value);
      if (typed.length === this.values.length) this.values = typed;
    }
  }

  updated() {
    this.toggleAttribute('size-large', this.size > 7);
  }

  private cells(): HTMLInputElement[] {
    return Array.from(this.renderRoot.querySelectorAll('input'));
  }

  private changed() {
    window.clearTimeout(this.timer);
    if (this.timer === undefined && performance.now() - this.lastSent >= this.debounce) {
      this.send();
      return;
    }
    this.timer = window.setTimeout(() => {
      this.timer = undefined;
      this.send();
    }, this.debounce);
  }

  private send() {
    this.lastSent = performance.now();
    const values = this.cells().map((c) => c.value);
    this.values = values;
    this.sent++;
    this.dispatchEvent(new CustomEvent('kernel-input', { detail: { values, seq: this.sent }, bubbles: true, composed: true }));
  }

  private navigate(e: KeyboardEvent, i: number) {
    const k = this.size;
    const input = e.target as HTMLInputElement;
    const atStart = input.selectionStart === 0 && input.selectionEnd === 0;
    const atEnd = input.selectionStart === input.value.length;
    let next = -1;
    if (e.key === 'ArrowUp') next = i - k;
    else if (e.key === 'ArrowDown' || e.key === 'Enter') next = i + k;
    else if (e.key === 'ArrowLeft' && atStart) next = i - 1;
    else if (e.key === 'ArrowRight' && atEnd) next = i + 1;
    if (next >= 0 && next < k * k) {
      e.preventDefault();
      const cell = this.cells()[next];
      cell.focus();
      cell.select();
    }
  }
}
