import { LitElement, css, html, nothing } from 'lit';
import { customElement, property, query } from 'lit/decorators.js';
import type { StoryPassages } from '../article/passages';
import type { Place } from '../data/types';
import type { Language } from '../state/store';
import { type BusGroupRow, busGroupsChart, comparisonChart } from './charts';
import type { Comparison, Figure } from './figures';
import { kindName, licenceName, namesFor, qualityExplanation, qualityName, sourceKind, t } from '../i18n/locale';
import { panelStyles } from './panel-styles';
import { emit } from './events';

/**
 * The selected feature: its names, what kind of thing it is, how sure its geometry is, the
 * figures the article states beside what the map measures, what the article says about it, and,
 * one click away, where it all comes from.
 *
 * @fires atlas-close - the reader closed the panel (the selection should be cleared)
 * @fires atlas-read - "read in context": detail `{ paragraph }` to open in the reader
 * @fires atlas-share - the reader wants to share this feature: detail `{ id }`
 * @csspart panel - the panel box
 */
/** A value wider than about half a narrow panel (a sentence, not a figure): Chinese characters count double. */
function isLongValue(value: string): boolean {
  let width = 0;
  for (const ch of value) width += /\p{Script=Han}/u.test(ch) ? 2 : 1;
  return width > 24;
}

@customElement('atlas-feature-panel')
export class FeaturePanel extends LitElement {
  static override styles = [
    panelStyles,
    css`
      .meta { margin: 6px 0 8px; display: flex; gap: 6px; flex-wrap: wrap; }
      .tag { font-size: 12px; padding: 2px 8px; border-radius: 10px; background: #eef1f3; }
      .tag.schematic, .tag.stand-in { background: #fff3cd; }
      .figures { container-type: inline-size; }
      /* The label keeps at least half the row: a long value wraps in its half instead of squeezing
         the label to a sliver; a value too long for half a row goes on a line of its own below. */
      dl { display: grid; grid-template-columns: minmax(50%, 1fr) auto; gap: 4px 12px; margin: 8px 0; }
      dt { color: #4a5560; }
      dd { margin: 0; text-align: right; font-variant-numeric: tabular-nums; }
      dt.long, dd.long { grid-column: 1 / -1; }
      dd.long { text-align: left; margin-bottom: 4px; }
      dt .basis { font-size: 11px; color: #4a5560; }
      @container (max-width: 320px) {
        dl { grid-template-columns: minmax(0, 1fr); gap: 0; }
        dd { text-align: left; margin-bottom: 6px; font-weight: 600; }
      }
      h3 { font-size: 14px; margin: 14px 0 6px; }
      h4 { font-size: 13px; margin: 10px 0 4px; color: #4a5560; font-weight: 600; }
      .context-title { font-size: 12px; color: #4a5560; margin: 10px 0 0; }
      blockquote { margin: 4px 0 2px; padding: 4px 0 4px 10px; border-left: 3px solid #d8dde1; }
      mark { background: #fde68a; color: inherit; padding: 0 1px; border-radius: 2px; }
      .read { font-size: 13px; }
      figure.chart { margin: 10px 0; }
      figure.chart figcaption { font-size: 12px; color: #4a5560; margin-bottom: 2px; }
      figure.chart text { font-size: 11px; fill: #1f2a33; }
      figure.chart .bar.article { fill: #4a6fa5; }
      figure.chart .bar.measured { fill: #9aa5b1; }
      figure.chart g.current text.label { font-weight: 700; }
      details { margin-top: 14px; font-size: 13px; }
      summary { cursor: pointer; color: #0b5d8f; min-height: 24px; }
      .citation { color: #4a5560; overflow-wrap: anywhere; }
    `,
  ];

  @property({ attribute: false }) place: Place | null = null;
  @property({ attribute: false }) figures: Figure[] = [];
  @property({ attribute: false }) comparisons: Comparison[] = [];
  @property({ attribute: false }) busGroups: BusGroupRow[] = [];
  /** null while the article is still loading */
  @property({ attribute: false }) passages: StoryPassages[] | null = null;
  @property() language: Language = 'zh';

  @query('h2') private heading!: HTMLElement;

  /** Move the reader's focus to the panel's heading (the panel has just opened). */
  async focusHeading(): Promise<void> {
    await this.updateComplete;
    this.heading?.focus();
  }

  override render() {
    const place = this.place;
    if (!place) return nothing;
    const p = place.properties;
    const lang = this.language;
    const [first, second] = namesFor(p, lang);
    const note = lang === 'zh' ? p.note_zh : p.note_en;
    const own = this.figures.filter((f) => f.scope === 'own');
    const context = this.figures.filter((f) => f.scope === 'context');
    return html`<section part="panel" aria-labelledby="feature-heading">
      <header>
        <h2 id="feature-heading" tabindex="-1">${first}<span class="second" lang=${lang === 'zh' ? 'en' : 'zh-Hans'}>${second}</span></h2>
        <button type="button" class="icon" aria-label=${t(lang, 'shareThis')} title=${t(lang, 'shareThis')} @click=${this.#share}>${shareIcon}</button>
        <button type="button" class="icon close" aria-label=${t(lang, 'close')} title=${t(lang, 'close')} @click=${this.#close}>×</button>
      </header>
      <div class="body">
        <div class="meta">
          <span class="tag kind">${kindName(p.kind, lang)}</span>
          <span class="tag ${p.geometry_quality}">${qualityName(p.geometry_quality, lang)}</span>
        </div>
        ${note ? html`<p class="note">${note}</p>` : nothing}
        <div class="figures">
          ${this.#figureList(own)}
          ${this.comparisons.map((c) => comparisonChart(c, lang))}
          ${this.busGroups.length ? busGroupsChart(this.busGroups, typeof p['group'] === 'string' ? p['group'] : null, lang) : nothing}
          ${context.length ? html`<p class="context-title">${lang === 'zh' ? '所属整体' : 'What it is part of'}</p>${this.#figureList(context)}` : nothing}
        </div>
        ${this.#passages()}
        <details class="provenance">
          <summary>${t(lang, 'sourceDisclosure')}</summary>
          <p>${qualityExplanation(p.geometry_quality, lang)} ${sourceKind(p.source_key, lang)}</p>
          <p class="citation">${t(lang, 'licence')}: ${licenceName(p.licence, lang)}</p>
          <p class="citation">${t(lang, 'fullCitation')}</p>
        </details>
      </div>
    </section>`;
  }

  #figureList(figures: Figure[]) {
    if (figures.length === 0) return nothing;
    const basis = (b: Figure['basis']) => (b === 'article' ? t(this.language, 'articleSays') : b === 'measured' ? t(this.language, 'measured') : '');
    return html`<dl>
      ${figures.map((f) => {
        const long = isLongValue(f.value);
        return html`<dt data-basis=${f.basis} class=${long ? 'long' : ''}>${f.label}</dt><dd data-basis=${f.basis} class=${long ? 'long' : ''} title=${basis(f.basis)}>${f.value}</dd>`;
      })}
    </dl>`;
  }

  #passages() {
    const lang = this.language;
    if (this.passages === null) return nothing;
    if (this.passages.length === 0) return html`<h3>${t(lang, 'passages')}</h3><p class="none">${t(lang, 'noPassage')}</p>`;
    const count = this.passages.reduce((n, s) => n + s.excerpts.length, 0);
    return html`<section class="passages" aria-labelledby="passages-heading">
      <h3 id="passages-heading">${t(lang, 'passages')} (${count})</h3>
      ${this.passages.map(
        (story) => html`<h4>${story.headline}</h4>
          ${story.excerpts.map(
            (x) => html`<blockquote data-paragraph=${x.paragraphId}>
                ${x.clippedStart ? (lang === 'zh' ? '……' : '… ') : nothing}${x.pieces.map((piece) => (piece.mark ? html`<mark>${piece.text}</mark>` : piece.text))}${x.clippedEnd ? (lang === 'zh' ? '……' : ' …') : nothing}
              </blockquote>
              <button type="button" class="link read" @click=${() => this.#read(x.paragraphId)}>${t(lang, 'readInContext')}</button>`,
          )}`,
      )}
    </section>`;
  }

  #close() {
    emit(this, 'atlas-close', null);
  }

  #share() {
    emit(this, 'atlas-share', { id: this.place?.id });
  }

  #read(paragraph: string) {
    emit(this, 'atlas-read', { paragraph });
  }
}

const shareIcon = html`<svg viewBox="0 0 24 24" width="18" height="18" aria-hidden="true"><path fill="currentColor" d="M18 16a3 3 0 0 0-2.4 1.2l-6.7-3.4a3 3 0 0 0 0-1.6l6.7-3.4A3 3 0 1 0 15 7c0 .3 0 .5.1.8L8.4 11.2a3 3 0 1 0 0 3.6l6.7 3.4-.1.8a3 3 0 1 0 3-3z"/></svg>`;

declare global {
  interface HTMLElementTagNameMap {
    'atlas-feature-panel': FeaturePanel;
  }
}
