import { LitElement, css, html } from 'lit';
import { customElement, property, query } from 'lit/decorators.js';

/**
 * A square canvas to draw an input image with a mouse, a pen (pressure changes the width) or a
 * finger. Black ink on white. When a stroke ends it fires `drawing-changed` with the PNG as a data
 * URL; the server decodes it like any upload. With `live` > 0 it also fires `drawing-live` while
 * the stroke goes on, at most once every `live` milliseconds.
 */
@customElement('draw-canvas')
export class DrawCanvas extends LitElement {
  @property({ type: Number }) size = 192;
  @property({ type: Number }) brush = 10;
  @property({ type: String }) clearLabel = 'Clear';
  @property({ type: String }) label = 'Drawing canvas';
  @property({ type: String }) brushLabel = 'Brush';
  @property({ type: Number }) live = 0;
  private lastLive = 0;
  @query('canvas') private canvas!: HTMLCanvasElement;
  private drawing = false;
  private last: { x: number; y: number } | null = null;

  static styles = css`
    :host { display: inline-flex; flex-direction: column; gap: var(--lumo-space-s, 0.5rem); }
    canvas { touch-action: none; background: #fff; border: 1px solid var(--lumo-contrast-30pct, #999);
             border-radius: var(--lumo-border-radius-m, 4px); cursor: crosshair; width: 100%; max-width: 320px; }
    .row { display: flex; gap: 0.5rem; align-items: center; font: inherit; }
    button { font: inherit; padding: 0.25rem 0.75rem; cursor: pointer; }
    @media (pointer: coarse) { button { min-height: 44px; } }   /* a touch target (issue 30) */
  `;

  render() {
    return html`
      <canvas width=${this.size} height=${this.size} part="canvas" aria-label=${this.label}
        @pointerdown=${this.down} @pointermove=${this.move} @pointerup=${this.up}
        @pointercancel=${this.up} @pointerleave=${this.up}></canvas>
      <div class="row">
        <label>${this.brushLabel}
          <input type="range" min="1" max="30" .value=${String(this.brush)}
            @input=${(e: Event) => (this.brush = Number((e.target as HTMLInputElement).value))} />
        </label>
        <button id="clear" @click=${this.clear}>${this.clearLabel}</button>
      </div>`;
  }

  firstUpdated() {
    this.fillWhite();
  }

  private fillWhite() {
    const ctx = this.canvas.getContext('2d')!;
    ctx.fillStyle = '#fff';
    ctx.fillRect(0, 0, this.size, this.size);
  }

  private point(e: PointerEvent) {
    const r = this.canvas.getBoundingClientRect();
    return { x: ((e.clientX - r.left) * this.size) / r.width, y: ((e.clientY - r.top) * this.size) / r.height };
  }

  private down(e: PointerEvent) {
    this.canvas.setPointerCapture?.(e.pointerId);
    this.drawing = true;
    this.last = this.point(e);
    this.stroke(e, this.last);
  }

  private move(e: PointerEvent) {
    if (!this.drawing) return;
    this.stroke(e, this.point(e));
    const now = performance.now();
    if (this.live > 0 && now - this.lastLive >= this.live) {
      this.lastLive = now;
      this.emit('drawing-live');
    }
  }

  private stroke(e: PointerEvent, p: { x: number; y: number }) {
    const ctx = this.canvas.getContext('2d')!;
    const pressure = e.pointerType === 'pen' && e.pressure > 0 ? e.pressure * 2 : 1;
    ctx.strokeStyle = '#000';
    ctx.lineCap = 'round';
    ctx.lineJoin = 'round';
    ctx.lineWidth = this.brush * pressure;
    ctx.beginPath();
    ctx.moveTo(this.last!.x, this.last!.y);
    ctx.lineTo(p.x + 0.01, p.y);
    ctx.stroke();
    this.last = p;
  }

  private up() {
    if (!this.drawing) return;
    this.drawing = false;
    this.last = null;
    this.emit();
  }

  clear() {
    this.fillWhite();
    this.emit();
  }

  private emit(type = 'drawing-changed') {
    const png = this.canvas.toDataURL('image/png');
    this.dispatchEvent(new CustomEvent(type, { detail: { png }, bubbles: true, composed: true }));
  }
}
