import { LitElement, css, html, nothing } from 'lit';
import { customElement, property } from 'lit/decorators.js';
import type { AtlasFeature } from '../data/types';
import type { Language } from '../state/store';
import type { Figure } from './figures';
import { kindName, qualityName, t } from './locale';

/**
 * The selected feature: its names, kind, how sure its geometry is, the figures the article
 * states beside what we measure, and where it comes from.
 *
 * @fires atlas-close - the reader closed the panel (the selection should be cleared)
 * @csspart panel - the panel box
 */
@customElement('atlas-feature-panel')
export class FeaturePanel extends LitElement {
  static override styles = css`
    :host { display: block; font: 14px/1.45 system-ui, 'Noto Sans CJK SC', 'PingFang SC', 'Microsoft YaHei', sans-serif; color: #1f2a33; }
    section { background: #fff; border-radius: 8px; box-shadow: 0 2px 12px rgba(0,0,0,.18); padding: 14px 16px 12px; max-height: calc(100vh - 120px); overflow: hidden auto; overflow-wrap: anywhere; }
    header { display: flex; align-items: start; gap: 8px; }
    h2 { font-size: 18px; margin: 0; flex: 1; }
    .en { display: block; font-size: 13px; font-weight: normal; color: #55606a; }
    button { border: 0; background: #eef1f3; border-radius: 50%; width: 28px; height: 28px; cursor: pointer; font-size: 16px; line-height: 28px; }
    button:focus-visible { outline: 2px solid #0072B2; }
    .meta { margin: 6px 0 8px; display: flex; gap: 6px; flex-wrap: wrap; }
    .tag { font-size: 12px; padding: 1px 8px; border-radius: 10px; background: #eef1f3; }
    .tag.schematic, .tag.stand-in { background: #fff3cd; }
    dl { display: grid; grid-template-columns: 1fr auto; gap: 2px 12px; margin: 8px 0; }
    dt { color: #55606a; }
    dd { margin: 0; text-align: right; font-variant-numeric: tabular-nums; }
    dt.article::before { content: '“'; } dt.article::after { content: '”'; }
    p { margin: 6px 0; }
    .small { font-size: 12px; color: #55606a; }
  `;

  @property({ attribute: false }) feature: AtlasFeature | null = null;
  @property({ attribute: false }) figures: Figure[] = [];
  @property() language: Language = 'zh';

  override render() {
    const f = this.feature;
    if (!f) return nothing;
    const p = f.properties;
    const lang = this.language;
    const [first, second] = lang === 'zh' ? [p.name_zh, p.name_en] : [p.name_en, p.name_zh];
    return html`<section part="panel" role="region" aria-label=${first}>
      <header>
        <h2>${first}<span class="en">${second}</span></h2>
        <button type="button" aria-label=${t(lang, 'close')} title=${t(lang, 'close')} @click=${this.#close}>×</button>
      </header>
      <div class="meta">
        <span class="tag kind">${kindName(p.kind, lang)}</span>
        <span class="tag ${p.geometry_quality}">${t(lang, 'quality')}: ${qualityName(p.geometry_quality, lang)}</span>
      </div>
      ${this.figures.length
        ? html`<dl>
            ${this.figures.map((fig) => html`<dt class=${fig.basis}>${fig.label}</dt><dd data-basis=${fig.basis}>${fig.value}</dd>`)}
          </dl>`
        : nothing}
      ${p.note ? html`<p class="note">${p.note}</p>` : nothing}
      <p class="small">${t(lang, 'source')}: ${p.source}<br />${t(lang, 'licence')}: ${p.licence}</p>
    </section>`;
  }

  #close() {
    this.dispatchEvent(new CustomEvent('atlas-close', { bubbles: true, composed: true }));
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'atlas-feature-panel': FeaturePanel;
  }
}
