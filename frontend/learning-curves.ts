import { LitElement, css, html } from 'lit';
import { customElement, property } from 'lit/decorators.js';
import { CategoryScale, Chart, Legend, LineController, LineElement, LinearScale, LogarithmicScale, PointElement, Tooltip } from 'chart.js';

Chart.register(LineController, LineElement, PointElement, LinearScale, LogarithmicScale, CategoryScale, Legend, Tooltip);

interface Series { label: string; color: string; points: [number, number][]; dashed?: boolean; dots?: boolean; }
interface Curves { xLabel: string; yLabel: string; series: Series[]; logY?: boolean; }

/**
 * The app's one chart: lines over a numeric x axis (steps, epochs, pixels of shift), drawn with
 * Chart.js. The server sets `curves` as JSON; redrawing is immediate (no animation) so live
 * training curves keep up. A series may be dots only (data points); the y axis may be logarithmic.
 * `data-points` counts the points drawn, for tests and screen readers. Ticks and tooltips are in
 * the page's language (`locale`, set by the server from the UI's locale), with grouping always on so
 * 1.330 reads as the server's Numbers writes it (Intl's Spanish default leaves 4 digits ungrouped).
 */
@customElement('learning-curves')
export class LearningCurves extends LitElement {
  @property({ type: String }) curves = '';
  @property({ type: String }) locale = 'es';
  private chart?: Chart;

  static styles = css`
    :host { display: block; position: relative; height: 260px; width: 100%; }
    canvas { width: 100%; height: 100%; }
  `;

  render() {
    return html`<canvas part="canvas" role="img"></canvas>`;
  }

  firstUpdated() {
    const canvas = this.renderRoot.querySelector('canvas') as HTMLCanvasElement;
    this.chart = new Chart(canvas, {
      type: 'line',
      data: { datasets: [] },
      options: {
        animation: false,
        responsive: true,
        maintainAspectRatio: false,
        parsing: false,
        locale: this.locale,
        scales: {
          x: { type: 'linear', title: { display: true, text: '' }, ticks: { format: { useGrouping: true } } },
          y: { title: { display: true, text: '' }, ticks: { format: { useGrouping: true } } },
        },
        plugins: { legend: { position: 'bottom' } },
      },
    });
    this.draw();
  }

  updated(changed: Map<string, unknown>) {
    if (changed.has('locale') && this.chart) this.chart.options.locale = this.locale;
    if (changed.has('curves') || changed.has('locale')) this.draw();
  }

  private draw() {
    if (!this.chart || !this.curves) return;
    const c = JSON.parse(this.curves) as Curves;
    this.chart.data.datasets = c.series.map((s) => ({
      label: s.label,
      data: s.points.map(([x, y]) => ({ x, y })),
      borderColor: s.color,
      backgroundColor: s.color,
      borderDash: s.dashed ? [6, 4] : [],
      pointRadius: s.dots ? 3 : s.points.length > 60 ? 0 : 2,
      showLine: !s.dots,
      borderWidth: 2,
    }));
    const scales = this.chart.options.scales as any;
    scales.y.type = c.logY ? 'logarithmic' : 'linear';
    scales.x.title.text = c.xLabel;
    scales.y.title.text = c.yLabel;
    this.chart.update('none');
    const points = c.series.reduce((n, s) => n + s.points.length, 0);
    this.setAttribute('data-points', String(points));
    (this.renderRoot.querySelector('canvas') as HTMLCanvasElement).setAttribute('aria-label', c.yLabel);
  }
}
