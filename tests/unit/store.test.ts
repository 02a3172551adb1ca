import { describe, expect, it, vi } from 'vitest';
import { DEFAULT_VIEW, Store, initialState, reduce } from '../../src/state/store';

describe('app state', () => {
  it('opens on the whole region with everything shown and nothing open', () => {
    const s = initialState();
    expect(s.view).toEqual(DEFAULT_VIEW);
    expect(s.hidden).toEqual([]);
    expect(s.selection).toBeNull();
    expect(s.reading).toBeNull();
    expect(s.chapter).toBeNull();
    expect(s.embed).toBe(false);
  });

  it('selects, toggles, moves, reads and switches language through named actions', () => {
    let s = initialState();
    s = reduce(s, { type: 'select', id: 'river-jialing' });
    expect(s.selection).toBe('river-jialing');
    s = reduce(s, { type: 'toggle-layer', target: 'rail' });
    expect(s.hidden).toEqual(['rail-line', 'rail-stations']);
    s = reduce(s, { type: 'toggle-layer', target: 'rail-line', visible: true });
    expect(s.hidden).toEqual(['rail-stations']);
    s = reduce(s, { type: 'set-language', language: 'en' });
    expect(s.language).toBe('en');
    s = reduce(s, { type: 'move', view: { center: [104, 30], zoom: 9, bearing: 10, pitch: 0 } });
    expect(s.view.zoom).toBe(9);
    s = reduce(s, { type: 'read', at: 'eco-3' });
    expect(s.reading).toBe('eco-3');
  });

  it('moves an open reader with what it reports, but a report arriving after it closed never reopens it', () => {
    let s = reduce(initialState(), { type: 'read', at: 'eco-1' });
    s = reduce(s, { type: 'read', at: 'eco-2', follow: true });
    expect(s.reading).toBe('eco-2');
    // The reader's scroll watcher (or Listen) reports a passage a moment after the reader closed.
    s = reduce(s, { type: 'read', at: null });
    s = reduce(s, { type: 'read', at: 'eco-3', follow: true });
    expect(s.reading).toBeNull();
    s = reduce(reduce(s, { type: 'dock', view: 'places' }), { type: 'read', at: 'eco-3', follow: true });
    expect([s.reading, s.ui.placesOpen]).toEqual([null, true]);
  });

  it('ticks every item of a mixed group when the group box is pressed', () => {
    let s = reduce(initialState(), { type: 'toggle-layer', target: 'river-wu', visible: false });
    expect(s.hidden).toEqual(['river-wu']);
    s = reduce(s, { type: 'toggle-layer', target: 'rivers' });
    expect(s.hidden).toEqual([]);
    s = reduce(s, { type: 'toggle-layer', target: 'rivers' });
    expect(s.hidden).toHaveLength(7);
  });

  it('keeps hidden items in one canonical order, whatever order they were switched off in', () => {
    let s = reduce(initialState(), { type: 'toggle-layer', target: 'sites-city', visible: false });
    s = reduce(s, { type: 'toggle-layer', target: 'river-wu', visible: false });
    expect(s.hidden).toEqual(['river-wu', 'sites-city']);
  });

  it('closes the panel of a feature whose layer is switched off', () => {
    const ctx = { itemOf: (id: string) => (id === 'river-wu' ? ('river-wu' as const) : null) };
    let s = reduce(initialState(), { type: 'select', id: 'river-wu' }, ctx);
    s = reduce(s, { type: 'toggle-layer', target: 'river-jialing', visible: false }, ctx);
    expect(s.selection).toBe('river-wu');
    s = reduce(s, { type: 'toggle-layer', target: 'rivers', visible: false }, ctx);
    expect(s.selection).toBeNull();
  });

  it('restores a whole state at once, but never leaves the embedded page', () => {
    const embedded = { ...initialState(), embed: true };
    const target = { ...initialState(), selection: 'xinjin', language: 'en' as const };
    const s = reduce(embedded, { type: 'restore', state: target });
    expect(s.selection).toBe('xinjin');
    expect(s.language).toBe('en');
    expect(s.embed).toBe(true);
  });

  it('notifies listeners only when something changed, with the action that changed it', () => {
    const store = new Store();
    const listener = vi.fn();
    store.subscribe(listener);
    store.dispatch({ type: 'select', id: null });
    store.dispatch({ type: 'toggle-layer', target: 'sites', visible: true });
    expect(listener).not.toHaveBeenCalled();
    store.dispatch({ type: 'select', id: 'xinjin', framing: 'reveal' });
    expect(listener).toHaveBeenCalledTimes(1);
    const [next, previous, action] = listener.mock.calls[0]!;
    expect(next.selection).toBe('xinjin');
    expect(previous.selection).toBeNull();
    expect(action).toEqual({ type: 'select', id: 'xinjin', framing: 'reveal' });
  });
});
