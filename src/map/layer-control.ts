import type { IControl } from 'maplibre-gl';
import { GROUP_ITEMS, LAYER_GROUPS, type LayerGroup, type LayerItem, groupVisibility } from '../state/layers';
import type { Language } from '../state/store';
import { groupName, itemName, t } from '../i18n/locale';
import { swatchOf, swatchSvg } from './legend';

export interface LayerControlOptions {
  hidden: readonly LayerItem[];
  language: Language;
  /** Called when the reader ticks or unticks a group or an item. */
  onToggle: (target: LayerGroup | LayerItem, visible: boolean) => void;
}

/**
 * The layers and their key, behind one button: a box for each group (checked, unchecked or mixed
 * from its items) and for each item, with the item's swatch beside it. Renders from state,
 * reports changes, owns nothing. Open by default where there is room (wide windows).
 */
export class LayerControl implements IControl {
  #container: HTMLElement | null = null;
  #panel: HTMLElement | null = null;
  #button: HTMLButtonElement | null = null;
  #options: LayerControlOptions;

  constructor(options: LayerControlOptions) {
    this.#options = options;
  }

  onAdd(): HTMLElement {
    const el = document.createElement('div');
    el.className = 'maplibregl-ctrl maplibregl-ctrl-group atlas-layers';
    const button = document.createElement('button');
    button.type = 'button';
    button.className = 'atlas-layers-toggle';
    button.setAttribute('aria-controls', 'atlas-layer-panel');
    button.addEventListener('click', () => this.setOpen(button.getAttribute('aria-expanded') !== 'true'));
    const panel = document.createElement('div');
    panel.id = 'atlas-layer-panel';
    panel.className = 'atlas-layer-panel';
    panel.addEventListener('change', (event) => {
      const input = event.target as HTMLInputElement;
      this.#options.onToggle(input.value as LayerGroup | LayerItem, input.checked);
    });
    panel.addEventListener('keydown', (event) => {
      if (event.key === 'Escape' && window.matchMedia('(max-width: 1099px)').matches) {
        event.stopPropagation();
        this.setOpen(false);
        button.focus();
      }
    });
    el.append(button, panel);
    this.#container = el;
    this.#panel = panel;
    this.#button = button;
    this.setOpen(window.matchMedia('(min-width: 1100px) and (min-height: 640px)').matches);
    this.#render();
    return el;
  }

  onRemove(): void {
    this.#container?.remove();
    this.#container = null;
  }

  setOpen(open: boolean): void {
    this.#button?.setAttribute('aria-expanded', String(open));
    if (this.#panel) this.#panel.hidden = !open;
    this.#container?.classList.toggle('open', open);
    this.#renderButton();
    // What covers the map has changed: the shell measures it again (ui/shell.ts).
    this.#container?.dispatchEvent(new CustomEvent('atlas-layout', { bubbles: true, detail: null }));
  }

  update(hidden: readonly LayerItem[], language: Language): void {
    const relabel = language !== this.#options.language;
    this.#options = { ...this.#options, hidden, language };
    if (relabel) this.#render();
    else this.#sync();
  }

  #renderButton(): void {
    const button = this.#button;
    if (!button) return;
    const { language } = this.#options;
    const open = button.getAttribute('aria-expanded') === 'true';
    button.textContent = t(language, 'layers');
    button.title = t(language, open ? 'hideLayers' : 'showLayers');
  }

  /** Builds the boxes in the current language, keeping the focus on the box that had it. */
  #render(): void {
    const panel = this.#panel;
    if (!panel) return;
    const { language } = this.#options;
    this.#renderButton();
    const focused = panel.contains(document.activeElement) ? (document.activeElement as HTMLInputElement).value : null;
    const fieldset = document.createElement('fieldset');
    const legend = document.createElement('legend');
    legend.textContent = t(language, 'layers');
    fieldset.append(legend);
    for (const group of LAYER_GROUPS) {
      const box = document.createElement('div');
      box.className = 'layer-group';
      box.setAttribute('role', 'group');
      box.setAttribute('aria-label', groupName(group, language));
      const head = document.createElement('label');
      head.className = 'group-row';
      head.append(checkbox(group), groupName(group, language));
      const list = document.createElement('ul');
      for (const item of GROUP_ITEMS[group]) {
        const li = document.createElement('li');
        const label = document.createElement('label');
        label.append(checkbox(item), swatchSvg(swatchOf(item)), itemName(item, language));
        li.append(label);
        list.append(li);
      }
      box.append(head, list);
      fieldset.append(box);
    }
    panel.replaceChildren(fieldset);
    this.#sync();
    if (focused) panel.querySelector<HTMLInputElement>(`input[value="${focused}"]`)?.focus();
  }

  /** Ticks the boxes from the state, in place (the reader's focus stays where it is). */
  #sync(): void {
    const { hidden } = this.#options;
    for (const input of this.#panel?.querySelectorAll<HTMLInputElement>('input') ?? []) {
      const value = input.value;
      if ((LAYER_GROUPS as readonly string[]).includes(value)) {
        const shown = groupVisibility(value as LayerGroup, hidden);
        input.checked = shown === 'all';
        input.indeterminate = shown === 'some';
        // Native check boxes report "mixed" from `indeterminate`; the attribute says it to everything else.
        if (shown === 'some') input.setAttribute('aria-checked', 'mixed');
        else input.removeAttribute('aria-checked');
      } else {
        input.checked = !hidden.includes(value as LayerItem);
      }
    }
  }
}

function checkbox(value: string): HTMLInputElement {
  const input = document.createElement('input');
  input.type = 'checkbox';
  input.value = value;
  return input;
}
