import { LitElement, css, html, nothing } from 'lit';
import { customElement, property } from 'lit/decorators.js';
import { parseMarkup } from '../article/markup.mjs';
import { splitSegments } from '../listen/sequence';
import { plainHeadline } from '../article/passages';
import type { Article, Paragraph, Segment, Story } from '../article/types';
import type { Language } from '../state/store';
import { t } from '../i18n/locale';
import { panelStyles } from './panel-styles';
import { emit } from './events';

/**
 * The whole page, story by story, with a table of contents. Every place it names is a button:
 * activating one selects the place and moves the map to it; pointing at or focusing one
 * highlights it on the map. Mentions of what is selected are marked. A place the map does not
 * draw says why, on demand.
 *
 * @fires atlas-mention - a mention was activated: detail `{ key, paragraph }`
 * @fires atlas-mention-hover - a mention is pointed at or focused (`{ key }`), or no longer (`{ key: null }`)
 * @fires atlas-reading - the reader scrolled: detail `{ at }`, the first paragraph in view
 * @fires atlas-goto - a contents entry was chosen: detail `{ at }` (a story id)
 */
@customElement('atlas-reader')
export class ReaderPanel extends LitElement {
  static override styles = [
    panelStyles,
    css`
      :host { height: 100%; min-height: 0; display: flex; flex-direction: column; }
      .body { padding: 0 18px 24px; flex: 1; min-height: 0; box-sizing: border-box; overflow: auto; }
      ::slotted([slot='listen']) { flex: none; padding: 0 18px; border-bottom: 1px solid #eef1f3; }
      .speaking { background: #fff3c4; box-shadow: 0 0 0 2px #fff3c4; border-radius: 2px; }
      nav { font-size: 13px; border-bottom: 1px solid #eef1f3; padding: 8px 0 10px; }
      nav h3 { font-size: 13px; margin: 4px 0; color: #4a5560; }
      nav ol { list-style: none; margin: 0; padding: 0; }
      nav li { margin: 2px 0; }
      nav .section { margin-top: 6px; color: #4a5560; font-size: 12px; }
      .credit { font-size: 12px; color: #4a5560; margin: 10px 0 0; }
      article { margin-top: 14px; }
      .section-title { font-size: 12px; letter-spacing: .08em; color: #8a4b1f; margin: 22px 0 0; font-weight: 700; }
      h3.headline { font-size: 17px; line-height: 1.4; margin: 16px 0 6px; }
      h4 { font-size: 15px; margin: 14px 0 4px; }
      p { margin: 8px 0; line-height: 1.75; }
      p.caption { font-size: 13px; color: #4a5560; border-left: 3px solid #d8dde1; padding-left: 8px; }
      [tabindex='-1']:focus { outline: none; }
      [tabindex='-1']:focus-visible, .current { outline: 3px solid #0b5d8f; outline-offset: 3px; border-radius: 2px; }
      button.mention { font: inherit; border: 0; padding: 0 1px; background: none; color: #0b5d8f; text-decoration: underline dotted; text-underline-offset: 3px; cursor: pointer; line-height: inherit; }
      button.mention:hover { background: #e6f0f7; }
      button.mention.selected { background: #fde68a; color: #1f2a33; text-decoration: none; border-radius: 2px; }
      button.mention.unlinked { color: inherit; text-decoration: underline dotted #8a949c; }
      .reason { font-size: 12px; color: #4a5560; background: #f4f6f7; border-radius: 4px; padding: 0 4px; margin: 0 2px; }
      .truncated { font-size: 12px; color: #8a4b1f; margin-left: 4px; }
    `,
  ];

  @property({ attribute: false }) article: Article | null = null;
  @property() language: Language = 'zh';
  /** the story or paragraph to show */
  @property() at: string | null = null;
  /** the feature selected on the map: its mentions are marked */
  @property({ attribute: false }) selectedKeys: ReadonlySet<string> = new Set();
  /** the sentence being read aloud: its paragraph (or story, for a headline) and its characters in the plain text */
  @property({ attribute: false }) speaking: { paragraph: string; start: number; end: number } | null = null;
  /** mentions the reader opened the reason of */
  #openReasons = new Set<string>();
  #observer: IntersectionObserver | null = null;
  #scrolledTo: string | null = null;

  /** Scroll to a story or paragraph and, if asked, give it the focus. */
  async show(at: string, focus: boolean): Promise<void> {
    await this.updateComplete;
    const el = this.renderRoot.querySelector<HTMLElement>(`[data-anchor="${CSS.escape(at)}"]`);
    if (!el) return;
    this.#scrolledTo = at;
    el.scrollIntoView({ block: 'start' });
    if (focus) el.focus({ preventScroll: true });
  }

  protected override updated(changed: Map<string, unknown>): void {
    if ((changed.has('at') || changed.has('article')) && this.at && this.at !== this.#scrolledTo) void this.show(this.at, false);
    if (changed.has('article') || changed.has('language')) this.#observe();
    if (changed.has('speaking') && this.speaking) this.renderRoot.querySelector('.speaking')?.scrollIntoView({ block: 'nearest' });
  }

  override disconnectedCallback(): void {
    super.disconnectedCallback();
    this.#observer?.disconnect();
  }

  /** Report the first paragraph in view, so the link follows the reading. */
  #observe(): void {
    this.#observer?.disconnect();
    const scroller = this.renderRoot.querySelector('.body');
    if (!scroller) return;
    const visible = new Set<string>();
    this.#observer = new IntersectionObserver(
      (entries) => {
        for (const e of entries) {
          const id = (e.target as HTMLElement).dataset['anchor'] as string;
          if (e.isIntersecting) visible.add(id);
          else visible.delete(id);
        }
        const order = [...this.renderRoot.querySelectorAll<HTMLElement>('p[data-anchor]')].map((p) => p.dataset['anchor']);
        const first = order.find((id) => id && visible.has(id));
        if (first && first !== this.#scrolledTo && first !== this.at) {
          this.#scrolledTo = first;
          emit(this, 'atlas-reading', { at: first });
        }
      },
      { root: scroller, rootMargin: '0px 0px -70% 0px' },
    );
    for (const p of this.renderRoot.querySelectorAll('p[data-anchor]')) this.#observer.observe(p);
  }

  override render() {
    const a = this.article;
    const lang = this.language;
    if (!a) return html`<div class="body"><p>…</p></div>`;
    let lastSection: string | null = null;
    return html`<slot name="listen"></slot>
      <div class="body">
        <nav aria-labelledby="contents-heading">
          <h3 id="contents-heading">${t(lang, 'contents')}</h3>
          <ol>
            ${a.stories.map((s) => {
              const section = s.section?.[lang] ?? null;
              const head = section && section !== lastSection ? html`<li class="section">${section}</li>` : nothing;
              lastSection = section;
              return html`${head}<li><button type="button" class="link" @click=${() => this.#goto(s.id)}>${plainHeadline(s.headline[lang])}</button></li>`;
            })}
          </ol>
          <p class="credit">${a.publication[lang]}</p>
        </nav>
        <article>${this.#stories(a.stories)}</article>
      </div>`;
  }

  #stories(stories: Story[]) {
    const lang = this.language;
    let lastSection: string | null = null;
    return stories.map((s) => {
      const section = s.section?.[lang] ?? null;
      const title = section && section !== lastSection ? html`<p class="section-title">${section}</p>` : nothing;
      lastSection = section;
      return html`${title}
        <h3 class="headline ${this.speaking?.paragraph === s.id ? 'speaking' : ''}" data-anchor=${s.id} tabindex="-1">${this.#inline(s.headline[lang], s.id)}</h3>
        ${s.paragraphs.map((p) => this.#paragraph(p))}`;
    });
  }

  #paragraph(p: Paragraph) {
    const speaking = this.speaking?.paragraph === p.id ? this.speaking : null;
    const text = this.#inline(p[this.language], p.id, speaking);
    const current = this.at === p.id ? 'current' : '';
    if (p.kind === 'heading') return html`<h4 data-anchor=${p.id} tabindex="-1" class=${current}>${text}</h4>`;
    return html`<p data-anchor=${p.id} tabindex="-1" class="${p.kind === 'caption' ? 'caption' : ''} ${current}">
      ${text}${p.truncated ? html`<span class="truncated">(${t(this.language, 'truncated')})</span>` : nothing}
    </p>`;
  }

  /** A text's segments, the sentence being read aloud (a range of its plain text) wrapped in a mark. */
  #inline(text: string, paragraph: string, speaking: { start: number; end: number } | null = null) {
    const segments = parseMarkup(text);
    if (!speaking) return this.#segments(segments, paragraph);
    const [before, inside, after] = splitSegments(segments, speaking.start, speaking.end);
    return html`${this.#segments(before, paragraph)}<span class="speaking">${this.#segments(inside, paragraph)}</span>${this.#segments(after, paragraph)}`;
  }

  #segments(segments: Segment[], paragraph: string) {
    const mentions = this.article?.mentions ?? {};
    return segments.map((s) => {
      if (!('mention' in s)) return s.text;
      const m = mentions[s.mention];
      const linked = !!m && m.features.length > 0;
      const key = s.mention;
      const reasonId = `${paragraph}-${key}`;
      const open = this.#openReasons.has(reasonId);
      const reason = m?.reason?.[this.language];
      if (!linked) {
        return html`<button type="button" class="mention unlinked" aria-expanded=${open} @click=${() => this.#toggleReason(reasonId)}>${s.text}</button>${
          open && reason ? html`<span class="reason">${t(this.language, 'mentionNoFeature')}:${reason}</span>` : nothing
        }`;
      }
      return html`<button
          type="button"
          class="mention ${this.selectedKeys.has(key) ? 'selected' : ''}"
          data-mention=${key}
          @click=${() => this.#activate(key, paragraph)}
          @mouseenter=${() => this.#hover(key)}
          @mouseleave=${() => this.#hover(null)}
          @focus=${() => this.#hover(key)}
          @blur=${() => this.#hover(null)}
        >${s.text}</button>${reason && open ? html`<span class="reason">${reason}</span>` : nothing}`;
    });
  }

  #toggleReason(id: string) {
    if (this.#openReasons.has(id)) this.#openReasons.delete(id);
    else this.#openReasons.add(id);
    this.requestUpdate();
  }

  #activate(key: string, paragraph: string) {
    emit(this, 'atlas-mention', { key, paragraph });
  }

  #hover(key: string | null) {
    emit(this, 'atlas-mention-hover', { key });
  }

  #goto(at: string) {
    this.#scrolledTo = null;
    emit(this, 'atlas-goto', { at });
    void this.show(at, true);
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'atlas-reader': ReaderPanel;
  }
}
