import type { IControl } from 'maplibre-gl';
import { LAYER_GROUPS, type Language, type LayerGroup } from '../state/store';
import { groupName, t } from '../ui/locale';
import { legendFor } from './legend';

export interface LayerControlOptions {
  layers: Record<LayerGroup, boolean>;
  language: Language;
  /** Called when the reader ticks or unticks a group. */
  onToggle: (group: LayerGroup, visible: boolean) => void;
}

/** Check boxes for the four thematic groups, each with its key; renders from state, reports changes, owns nothing. */
export class LayerControl implements IControl {
  #container: HTMLElement | null = null;
  #options: LayerControlOptions;

  constructor(options: LayerControlOptions) {
    this.#options = options;
  }

  onAdd(): HTMLElement {
    const el = document.createElement('fieldset');
    el.className = 'maplibregl-ctrl maplibregl-ctrl-group atlas-layer-control';
    el.addEventListener('change', (event) => {
      const input = event.target as HTMLInputElement;
      this.#options.onToggle(input.value as LayerGroup, input.checked);
    });
    this.#container = el;
    this.#render();
    return el;
  }

  onRemove(): void {
    this.#container?.remove();
    this.#container = null;
  }

  update(layers: Record<LayerGroup, boolean>, language: Language): void {
    this.#options = { ...this.#options, layers, language };
    this.#render();
  }

  #render(): void {
    const el = this.#container;
    if (!el) return;
    const { layers, language } = this.#options;
    el.replaceChildren();
    const legend = document.createElement('legend');
    legend.textContent = t(language, 'layers');
    el.append(legend);
    for (const group of LAYER_GROUPS) {
      const label = document.createElement('label');
      const input = document.createElement('input');
      input.type = 'checkbox';
      input.name = 'layer-group';
      input.value = group;
      input.checked = layers[group];
      label.append(input, ` ${groupName(group, language)}`);
      el.append(label, legendFor(group, language));
    }
  }
}
