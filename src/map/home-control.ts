/**
 * A map control that brings the whole region back into view: one button, as MapLibre's own
 * controls are built (its label read from the map's locale, so the interface language applies).
 * Where the camera goes is the map view's to say (framing.ts): the region beside whatever covers
 * the map now, as the opening view is fitted.
 */
import type { IControl, Map as MapLibreMap } from 'maplibre-gl';

/** The locale key of the button's label (MAPLIBRE_LOCALE holds it in both languages). */
export const HOME_LABEL_KEY = 'HomeControl.ShowRegion';

export interface HomeControlOptions {
  /** bring the whole region into view */
  goHome: () => void;
}

/** A house: home, the whole region. */
const ICON = 'M12 3 2 12h3v8h6v-6h2v6h6v-8h3z';

export class HomeControl implements IControl {
  readonly #options: HomeControlOptions;
  #container: HTMLElement | null = null;

  constructor(options: HomeControlOptions) {
    this.#options = options;
  }

  onAdd(map: MapLibreMap): HTMLElement {
    const container = document.createElement('div');
    container.className = 'maplibregl-ctrl maplibregl-ctrl-group';
    const button = document.createElement('button');
    button.type = 'button';
    button.className = 'maplibregl-ctrl-home';
    const label = (map as unknown as { _getUIString(key: string): string })._getUIString(HOME_LABEL_KEY);
    button.title = label;
    button.setAttribute('aria-label', label);
    const svgNs = 'http://www.w3.org/2000/svg';
    const svg = document.createElementNS(svgNs, 'svg');
    svg.setAttribute('viewBox', '0 0 24 24');
    svg.setAttribute('width', '20');
    svg.setAttribute('height', '20');
    svg.setAttribute('aria-hidden', 'true');
    const path = document.createElementNS(svgNs, 'path');
    path.setAttribute('d', ICON);
    path.setAttribute('fill', 'currentColor');
    svg.append(path);
    button.append(svg);
    button.addEventListener('click', () => this.#options.goHome());
    container.append(button);
    this.#container = container;
    return container;
  }

  onRemove(): void {
    this.#container?.remove();
    this.#container = null;
  }
}
