/**
 * The name beside the pointer while it is over something on the map (what a click would select).
 * Decorative for assistive technology: the selection itself is announced. Light DOM, styled by
 * the page's `.atlas-tooltip` rule.
 */
import { LitElement, html, nothing } from 'lit';
import { customElement, property } from 'lit/decorators.js';

export interface Tip {
  /** container px */
  x: number;
  y: number;
  text: string;
}

@customElement('atlas-map-tooltip')
export class MapTooltip extends LitElement {
  @property({ attribute: false }) tip: Tip | null = null;

  protected override createRenderRoot(): HTMLElement {
    return this;
  }

  override connectedCallback(): void {
    super.connectedCallback();
    this.setAttribute('aria-hidden', 'true');
  }

  override render() {
    const tip = this.tip;
    this.hidden = !tip;
    if (!tip) return nothing;
    return html`<div class="atlas-tooltip" style="transform: translate(${Math.round(tip.x + 14)}px, ${Math.round(tip.y + 14)}px)">${tip.text}</div>`;
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'atlas-map-tooltip': MapTooltip;
  }
}
