/**
 * Listen on the production build, with a synthesizer injected at the Web Speech API's boundary (the
 * test decides when each utterance starts, reaches a word and ends): the page read from read=,
 * the reader following and the map framing each station as it is named, Pause, the keyboard, and
 * what the control does with no voice or no speech at all.
 */
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import type { Page } from 'playwright-core';
import { describe, expect, inject, it } from 'vitest';
import type { LightIndex } from '../../src/data/types';
import { browserSession, mapIdle } from './browser';
import { inFreeArea } from './map-probes';

const ROOT = resolve(import.meta.dirname, '../..');
const baseUrl = inject('baseUrl');
const index = JSON.parse(readFileSync(resolve(ROOT, 'geo/index.json'), 'utf8')) as LightIndex;
// Each page must end its test without an exception or a console error.
const session = browserSession(baseUrl, { quiet: true });

interface Voice {
  name: string;
  lang: string;
  localService: boolean;
  default: boolean;
}

/**
 * Runs in the page before its scripts: `speechSynthesis` and `SpeechSynthesisUtterance` replaced by
 * a synthesizer that says nothing and is driven from `window.fakeSpeech` (or removed, with null).
 */
function injectSpeech(voices: Voice[] | null): void {
  const w = window as unknown as Record<string, unknown>;
  if (voices === null) {
    delete (Window.prototype as unknown as Record<string, unknown>)['speechSynthesis'];
    delete w['speechSynthesis'];
    delete (Window.prototype as unknown as Record<string, unknown>)['SpeechSynthesisUtterance'];
    delete w['SpeechSynthesisUtterance'];
    return;
  }
  type U = {
    text: string;
    onstart?: () => void;
    onend?: () => void;
    onerror?: (e: { error: string }) => void;
    onboundary?: (e: { charIndex: number; name: string }) => void;
  };
  class Utterance {
    lang = '';
    voice = null;
    rate = 1;
    constructor(public text: string) {}
  }
  const speech = {
    spoken: [] as string[],
    current: null as U | null,
    speaking: false,
    speak(u: U) {
      speech.spoken.push(u.text);
      speech.current = u;
      speech.speaking = true;
      setTimeout(() => u.onstart?.(), 0);
    },
    cancel() {
      const c = speech.current;
      speech.current = null;
      speech.speaking = false;
      if (c) setTimeout(() => c.onerror?.({ error: 'interrupted' }), 0);
    },
    pause() {},
    resume() {},
    getVoices: () => voices,
    addEventListener() {},
    reach(word: string) {
      const c = speech.current;
      const at = c?.text.indexOf(word) ?? -1;
      if (!c || at < 0) return false;
      c.onboundary?.({ charIndex: at, name: 'word' });
      return true;
    },
    end() {
      const c = speech.current;
      speech.current = null;
      speech.speaking = false;
      c?.onend?.();
    },
  };
  Object.defineProperty(window, 'speechSynthesis', { value: speech, configurable: true });
  Object.defineProperty(window, 'SpeechSynthesisUtterance', { value: Utterance, configurable: true });
  w['fakeSpeech'] = speech;
}

const ZH: Voice = { name: 'Chinese (Mandarin)', lang: 'zh-CN', localService: true, default: false };
const EN: Voice = { name: 'English (America)', lang: 'en-US', localService: true, default: true };

async function open(hash: string, voices: Voice[] | null): Promise<Page> {
  const { page } = await session.open({ path: `/${hash}`, withPlaces: true, beforeGoto: (p) => p.addInitScript(injectSpeech, voices) });
  return page;
}

type Speech = { current: { text: string } | null; speaking: boolean; reach(word: string): boolean; end(): void };
const saying = (page: Page) => page.evaluate(() => (window as unknown as { fakeSpeech: Speech }).fakeSpeech.current?.text ?? null);
const speaking = (page: Page) => page.evaluate(() => (window as unknown as { fakeSpeech: Speech }).fakeSpeech.speaking);
const reach = (page: Page, word: string) => page.evaluate((word) => (window as unknown as { fakeSpeech: Speech }).fakeSpeech.reach(word), word);
const end = (page: Page) => page.evaluate(() => (window as unknown as { fakeSpeech: Speech }).fakeSpeech.end());
const state = (page: Page) =>
  page.evaluate(() => {
    const { store } = (window as unknown as { atlas: { store: { state: { selection: string | null; reading: string | null; language: string } } } }).atlas;
    return store.state;
  });
const lit = (page: Page, id: string) =>
  page.evaluate(
    (id) =>
      (window as unknown as { atlas: { map: import('maplibre-gl').Map } }).atlas.map.getFeatureState({ source: 'atlas', sourceLayer: 'rail', id })['hover'] ===
      true,
    id,
  );
const zoom = (page: Page) => page.evaluate(() => (window as unknown as { atlas: { map: import('maplibre-gl').Map } }).atlas.map.getZoom());
const marked = (page: Page) => page.evaluate(() => document.querySelector('atlas-reader')?.shadowRoot?.querySelector('.speaking')?.textContent?.trim() ?? null);

/** Let the engine say what it is saying to the end, until it says something containing `words`. */
async function speakUntil(page: Page, words: string): Promise<void> {
  await expect
    .poll(
      async () => {
        const text = await saying(page);
        if (text?.includes(words)) return true;
        if (text) await end(page);
        return false;
      },
      { timeout: 10_000 },
    )
    .toBe(true);
}

const point = (id: string) => index.features.find((f) => f.id === id)!.point;
const listenButton = (page: Page) => page.locator('atlas-reader atlas-listen button.main');

describe('Listen', () => {
  it('reads from read=ziyang-1, marking each sentence, the map framing 福田站 and 资阳北站 as they are named; Pause stops it', async () => {
    const page = await open('#read=ziyang-1', [ZH, EN]);
    await listenButton(page).click();
    await expect.poll(() => saying(page)).toBe('作为首条成都都市圈市域铁路项目,轨道交通资阳线预计2024年开通试运营。');
    await expect.poll(() => marked(page)).toBe('作为首条成都都市圈市域铁路项目,轨道交通资阳线预计2024年开通试运营。');
    await speakUntil(page, '福田站');
    expect(await lit(page, 'futian-station')).toBe(false);
    expect(await zoom(page)).toBeLessThan(9);
    expect(await reach(page, '福田站')).toBe(true);
    await expect.poll(() => lit(page, 'futian-station')).toBe(true);
    await mapIdle(page);
    // Framed: close up, beside the reader.
    expect(await zoom(page)).toBeGreaterThan(10);
    expect(await inFreeArea(page, point('futian-station'))).toBe(true);

    await speakUntil(page, '资阳北站');
    // The link follows the voice into the next paragraph.
    await expect.poll(async () => (await state(page)).reading).toBe('ziyang-2');
    expect(await marked(page)).toMatch(/^轨道交通资阳线始发福田站/);
    expect(await reach(page, '资阳北站')).toBe(true);
    await expect.poll(() => lit(page, 'ziyang-north-station')).toBe(true);
    await mapIdle(page);
    expect(await inFreeArea(page, point('ziyang-north-station'))).toBe(true);

    await expect(listenButton(page).textContent()).resolves.toContain('暂停');
    await listenButton(page).click();
    await expect.poll(() => speaking(page)).toBe(false);
    await expect.poll(() => listenButton(page).textContent()).toContain('继续收听');
    expect(await saying(page)).toBe(null);
    // Resumed, then the reader closed: the voice stops with it.
    await listenButton(page).click();
    await expect.poll(() => speaking(page)).toBe(true);
    await page.locator('atlas-dock button.close').click();
    await expect.poll(async () => (await state(page)).reading).toBe(null);
    await expect.poll(() => speaking(page)).toBe(false);
  });

  it('answers Space and the arrows when it has the focus, and goes on in English when the language switches', async () => {
    const page = await open('#read=ziyang-1', [ZH, EN]);
    await listenButton(page).focus();
    await page.keyboard.press('Space');
    await expect.poll(() => saying(page)).toMatch(/^作为首条/);
    await page.keyboard.press('ArrowRight');
    await expect.poll(() => saying(page)).toMatch(/^轨道交通资阳线始发/);
    await expect.poll(async () => (await state(page)).reading).toBe('ziyang-2');
    await page.keyboard.press('Space');
    await expect.poll(() => speaking(page)).toBe(false);
    await page.keyboard.press('Space');
    await expect.poll(() => saying(page)).toMatch(/^轨道交通资阳线始发/);
    await page.locator('#language-toggle').click();
    await expect.poll(() => saying(page)).toMatch(/^The Ziyang Line starts at Futian Station/);
    expect((await state(page)).reading).toBe('ziyang-2');
    // Something else taking over the map stops it.
    await page.locator('atlas-reader button.mention[data-mention="tianfu-airport"]').first().click();
    await expect.poll(() => speaking(page)).toBe(false);
    await expect.poll(() => listenButton(page).textContent()).toContain('Listen');
  });

  it('without a Chinese voice says so and offers English; without any voice says only so', async () => {
    const page = await open('#read=ziyang-1', [EN]);
    const control = page.locator('atlas-reader atlas-listen');
    await expect.poll(() => control.locator('.note').textContent()).toBe('此浏览器在本设备上没有中文语音,无法朗读。');
    await control.getByRole('button', { name: '切换到英文版并收听' }).click();
    await expect.poll(async () => (await state(page)).language).toBe('en');
    await expect.poll(() => saying(page)).toMatch(/^The Ziyang Line, the first suburban railway project/);

    const none = await open('#read=ziyang-1', []);
    const mute = none.locator('atlas-reader atlas-listen');
    // The browser is given a moment to list its voices before the control says it has none.
    await expect.poll(() => mute.locator('.note').textContent(), { timeout: 10_000 }).toBe('此浏览器在本设备上没有中文语音,无法朗读。');
    expect(await mute.locator('button').count()).toBe(0);
  });

  it('reads a tour chapter’s passages, its story’s headline first, and stops when the chapter changes', async () => {
    const page = await open('#chapter=ziyang', [ZH, EN]);
    await page.locator('atlas-tour atlas-listen button.main').click();
    await expect.poll(() => saying(page)).toBe('轨道交通资阳线 预计2024年开通试运营');
    await speakUntil(page, '作为首条');
    await page.locator('atlas-tour button.step.next').click();
    await expect.poll(() => speaking(page)).toBe(false);
    await expect.poll(() => page.locator('atlas-tour atlas-listen button.main').textContent()).toContain('收听');
  });

  it('is not there at all where the browser has no speech', async () => {
    const page = await open('#read=ziyang-1', null);
    // Listen is wired when the article arrives: once its code has loaded and run, it added nothing.
    await page.waitForFunction(() => performance.getEntriesByType('resource').some((e) => /\/listen-[\w-]+\.js$/.test(e.name)));
    await page.waitForFunction(() => !!document.querySelector('atlas-reader')?.shadowRoot?.querySelector('[data-anchor="ziyang-1"]'));
    await page.evaluate(() => new Promise((r) => requestAnimationFrame(r)));
    expect(await page.locator('atlas-listen').count()).toBe(0);
  });
});
