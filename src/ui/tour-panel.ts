import { LitElement, css, html, nothing } from 'lit';
import { customElement, property } from 'lit/decorators.js';
import { parseMarkup } from '../article/markup.mjs';
import { plainHeadline } from '../article/passages';
import type { Article, Paragraph, Story } from '../article/types';
import type { Language } from '../state/store';
import { CHAPTERS, type Chapter } from '../tour/chapters';
import { t } from '../i18n/locale';
import { panelStyles } from './panel-styles';
import { emit } from './events';

/**
 * The guided tour, in the dock: where the reader is (3 / 7), the chapter's title and the passages
 * of the page it reads, previous and next, every chapter as a link, and the way out. Places named
 * in the passages are buttons, as in the reader: they select the place, and pointing at one
 * highlights it on the map.
 *
 * @fires atlas-tour-go - a chapter was asked for: detail `{ id }`
 * @fires atlas-tour-leave - the reader leaves the tour
 * @fires atlas-tour-read - "read in context": detail `{ paragraph }`
 * @fires atlas-mention - a mention was activated: detail `{ key, paragraph }`
 * @fires atlas-mention-hover - a mention is pointed at or focused (`{ key }`), or no longer (`{ key: null }`)
 */
@customElement('atlas-tour')
export class TourPanel extends LitElement {
  static override styles = [
    panelStyles,
    css`
      :host { height: 100%; min-height: 0; }
      .wrap { height: 100%; display: flex; flex-direction: column; min-height: 0; }
      .head { padding: 10px 18px 6px; border-bottom: 1px solid #eef1f3; flex: none; }
      .progress { display: flex; align-items: center; gap: 10px; margin: 0; font-size: 13px; color: #4a5560; font-variant-numeric: tabular-nums; }
      .bar { display: flex; gap: 3px; flex: 1; max-width: 160px; }
      .bar span { flex: 1; height: 4px; border-radius: 2px; background: #d8dde1; }
      .bar span.done { background: #0b5d8f; }
      h2 { margin: 4px 0 2px; }
      .body { padding: 4px 18px 16px; }
      .story { font-size: 12px; color: #8a4b1f; font-weight: 700; margin: 14px 0 0; }
      p.passage { margin: 6px 0 4px; line-height: 1.75; }
      .context { font-size: 13px; }
      button.mention { font: inherit; text-align: start; border: 0; padding: 0 1px; background: none; color: #0b5d8f; text-decoration: underline dotted; text-underline-offset: 3px; cursor: pointer; line-height: inherit; }
      button.mention:hover { background: #e6f0f7; }
      button.mention.selected { background: #fde68a; color: #1f2a33; text-decoration: none; border-radius: 2px; }
      nav { margin-top: 16px; border-top: 1px solid #eef1f3; padding-top: 8px; font-size: 13px; }
      nav h3 { font-size: 13px; margin: 4px 0; color: #4a5560; }
      nav ol { margin: 0; padding-left: 22px; }
      nav li { margin: 2px 0; }
      nav a { color: #0b5d8f; }
      nav a[aria-current='step'] { color: #1f2a33; font-weight: 700; text-decoration: none; }
      .hint { font-size: 12px; color: #4a5560; margin-top: 10px; }
      .steps { flex: none; display: flex; gap: 8px; align-items: center; padding: 8px 12px 10px; border-top: 1px solid #eef1f3; background: #fff; }
      .steps button.step { border: 1px solid #0b5d8f; background: #fff; color: #0b5d8f; border-radius: 6px; padding: 6px 12px; min-height: 36px; cursor: pointer; font-weight: 600; }
      .steps button.step.next { background: #0b5d8f; color: #fff; }
      .steps button.step:disabled { border-color: #c4cbd1; background: #f4f6f7; color: #5f6b75; cursor: default; }
      .steps .leave { margin-left: auto; }
      @media (pointer: coarse) { .steps button.step { min-height: 44px; } nav a { display: inline-block; min-height: 44px; line-height: 44px; } }
      /* Landscape phones: the passages keep as much of the little height as they can. */
      @media (max-height: 500px) {
        .head { padding: 4px 18px 4px; }
        h2 { font-size: 16px; margin: 2px 0 0; }
        .steps { padding: 6px 12px; }
        .story { white-space: nowrap; overflow: hidden; text-overflow: ellipsis; margin-top: 8px; }
      }
    `,
  ];

  @property({ attribute: false }) chapter: Chapter | null = null;
  @property({ attribute: false }) article: Article | null = null;
  @property() language: Language = 'zh';
  /** the link of each chapter */
  @property({ attribute: false }) hrefFor: (id: string) => string = (id) => `#chapter=${encodeURIComponent(id)}`;
  /** mentions of the feature selected on the map: marked */
  @property({ attribute: false }) selectedKeys: ReadonlySet<string> = new Set();

  /** Move focus to the chapter's title (the tour was opened from the header). */
  async focusHeading(): Promise<void> {
    await this.updateComplete;
    this.renderRoot.querySelector<HTMLElement>('h2')?.focus();
  }

  protected override updated(changed: Map<string, unknown>): void {
    // A new chapter starts at its top.
    if (changed.has('chapter')) this.renderRoot.querySelector('.body')?.scrollTo({ top: 0 });
  }

  override render() {
    const chapter = this.chapter;
    if (!chapter) return nothing;
    const lang = this.language;
    const at = CHAPTERS.indexOf(chapter);
    const previous = CHAPTERS[at - 1];
    const next = CHAPTERS[at + 1];
    const progress = t(lang, 'tourProgress')
      .replace('{n}', String(at + 1))
      .replace('{total}', String(CHAPTERS.length));
    return html`<div class="wrap">
      <div class="head">
        <p class="progress" aria-label=${progress}>
          <span aria-hidden="true">${at + 1} / ${CHAPTERS.length}</span>
          <span class="bar" aria-hidden="true">${CHAPTERS.map((_, i) => html`<span class=${i <= at ? 'done' : ''}></span>`)}</span>
        </p>
        <h2 tabindex="-1">${chapter.title[lang]}</h2>
        <slot name="listen"></slot>
      </div>
      <div class="body">
        ${this.#passages(chapter)}
        <nav aria-labelledby="tour-chapters">
          <h3 id="tour-chapters">${t(lang, 'tourChapters')}</h3>
          <ol>
            ${CHAPTERS.map(
              (c) =>
                html`<li><a href=${this.hrefFor(c.id)} aria-current=${c === chapter ? 'step' : 'false'} @click=${(e: MouseEvent) => this.#link(e, c.id)}>${c.title[lang]}</a></li>`,
            )}
          </ol>
        </nav>
        <p class="hint">${t(lang, 'tourKeys')}</p>
      </div>
      <div class="steps">
        <button type="button" class="step previous" ?disabled=${!previous} @click=${() => previous && this.#go(previous.id)}>← ${t(lang, 'tourPrevious')}</button>
        <button type="button" class="step next" ?disabled=${!next} @click=${() => next && this.#go(next.id)}>${t(lang, 'tourNext')} →</button>
        <button type="button" class="link leave" @click=${this.#leave}>${t(lang, 'tourLeave')}</button>
      </div>
    </div>`;
  }

  #passages(chapter: Chapter) {
    const article = this.article;
    if (!article) return html`<p>…</p>`;
    const found: { story: Story; paragraph: Paragraph }[] = [];
    for (const id of chapter.passages) {
      for (const story of article.stories) {
        const paragraph = story.paragraphs.find((p) => p.id === id);
        if (paragraph) found.push({ story, paragraph });
      }
    }
    let lastStory: Story | null = null;
    return found.map(({ story, paragraph }) => {
      const head = story !== lastStory ? html`<p class="story">${plainHeadline(story.headline[this.language])}</p>` : nothing;
      lastStory = story;
      return html`${head}
        <p class="passage" data-paragraph=${paragraph.id}>${this.#inline(paragraph[this.language], paragraph.id)}</p>
        <button type="button" class="link context" @click=${() => this.#read(paragraph.id)}>${t(this.language, 'readInContext')}</button>`;
    });
  }

  /** A passage's text, the places it names as buttons (as the reader renders them). */
  #inline(text: string, paragraph: string) {
    const mentions = this.article?.mentions ?? {};
    return parseMarkup(text).map((s) => {
      if (!('mention' in s)) return s.text;
      const key = s.mention;
      if (!mentions[key]?.features.length) return s.text;
      return html`<button
        type="button"
        class="mention ${this.selectedKeys.has(key) ? 'selected' : ''}"
        data-mention=${key}
        @click=${() => emit(this, 'atlas-mention', { key, paragraph })}
        @mouseenter=${() => emit(this, 'atlas-mention-hover', { key })}
        @mouseleave=${() => emit(this, 'atlas-mention-hover', { key: null })}
        @focus=${() => emit(this, 'atlas-mention-hover', { key })}
        @blur=${() => emit(this, 'atlas-mention-hover', { key: null })}
      >${s.text}</button>`;
    });
  }

  #link(e: MouseEvent, id: string) {
    // A plain click goes there in this page; a modified click opens the link as the browser does.
    if (e.button !== 0 || e.ctrlKey || e.metaKey || e.shiftKey || e.altKey) return;
    e.preventDefault();
    this.#go(id);
  }

  #go(id: string) {
    emit(this, 'atlas-tour-go', { id });
  }

  #leave() {
    emit(this, 'atlas-tour-leave', null);
  }

  #read(paragraph: string) {
    emit(this, 'atlas-tour-read', { paragraph });
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'atlas-tour': TourPanel;
  }
}
