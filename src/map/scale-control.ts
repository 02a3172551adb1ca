/**
 * MapLibre's scale bar, following the interface language. MapLibre writes the unit ("公里" / "km")
 * only when the map moves, from the locale strings map-view swaps on a language switch, so a
 * switch alone left "公里" under an English page. This control redraws itself when the page's
 * language (the lang of <html>) changes, after the switch's synchronous work (a MutationObserver
 * runs as a microtask), and carries that lang itself.
 */
import { type Map as MapLibreMap, ScaleControl } from 'maplibre-gl';

type Unit = 'metric' | 'imperial' | 'nautical';

export class LanguageScaleControl extends ScaleControl {
  readonly #unit: Unit;
  #observer: MutationObserver | null = null;

  constructor(options: { maxWidth?: number; unit?: Unit } = {}) {
    super(options);
    this.#unit = options.unit ?? 'metric';
  }

  override onAdd(map: MapLibreMap): HTMLElement {
    const container = super.onAdd(map);
    const root = document.documentElement;
    const follow = () => {
      container.lang = root.lang;
      this.setUnit(this.#unit); // redraws the text from the map's current strings
    };
    this.#observer = new MutationObserver(follow);
    this.#observer.observe(root, { attributes: true, attributeFilter: ['lang'] });
    container.lang = root.lang;
    return container;
  }

  override onRemove(): void {
    this.#observer?.disconnect();
    this.#observer = null;
    super.onRemove();
  }
}
