import { describe, expect, it, vi } from 'vitest';
import { DEFAULT_VIEW, Store, initialState, reduce } from '../../src/state/store';

describe('app state', () => {
  it('opens on the whole region with every group visible and nothing selected', () => {
    const s = initialState();
    expect(s.view).toEqual(DEFAULT_VIEW);
    expect(s.layers).toEqual({ rivers: true, rail: true, transit: true, sites: true });
    expect(s.selection).toBeNull();
  });

  it('selects, toggles, moves and switches language through named actions', () => {
    let s = initialState();
    s = reduce(s, { type: 'select', id: 'river-jialing' });
    expect(s.selection).toBe('river-jialing');
    s = reduce(s, { type: 'toggle-layer', group: 'rail' });
    expect(s.layers.rail).toBe(false);
    s = reduce(s, { type: 'toggle-layer', group: 'rail', visible: true });
    expect(s.layers.rail).toBe(true);
    s = reduce(s, { type: 'set-language', language: 'en' });
    expect(s.language).toBe('en');
    s = reduce(s, { type: 'move', view: { center: [104, 30], zoom: 9, bearing: 10, pitch: 0 } });
    expect(s.view.zoom).toBe(9);
  });

  it('notifies listeners only when something changed', () => {
    const store = new Store();
    const listener = vi.fn();
    store.subscribe(listener);
    store.dispatch({ type: 'select', id: null });
    store.dispatch({ type: 'toggle-layer', group: 'sites', visible: true });
    expect(listener).not.toHaveBeenCalled();
    store.dispatch({ type: 'select', id: 'xinjin' });
    expect(listener).toHaveBeenCalledTimes(1);
    expect(listener.mock.calls[0]![0].selection).toBe('xinjin');
    expect(listener.mock.calls[0]![1].selection).toBeNull();
  });
});
