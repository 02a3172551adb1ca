/**
 * The edition's provenance for readers, on the production build: in the Chinese interface the
 * map's credits and a panel's source disclosure are Chinese (no English sentence, no address, no
 * file path), and a bus route this map reconstructs says so in its panel's heading.
 */
import type { Page } from 'playwright-core';
import { describe, expect, inject, it } from 'vitest';
import { browserSession } from './browser';

const baseUrl = inject('baseUrl');
// Each page must end its test without an exception or a console error.
const session = browserSession(baseUrl, { quiet: true });

async function open(hash: string): Promise<Page> {
  const { page } = await session.open({ path: `/${hash}`, withPlaces: true });
  return page;
}

/** A run of two or more Latin words with no Chinese around them: an English phrase. */
const englishPhrase = (text: string) => text.split(/[。;;:: ,,()()]/).filter((s) => /[A-Za-z]{3,}\s+[A-Za-z]{3,}/.test(s) && !/\p{Script=Han}/u.test(s));

describe('the Chinese interface tells its sources in Chinese', () => {
  it('credits the map’s data in Chinese, naming GSHHG as 全球海岸线与河流数据', async () => {
    const page = await open('');
    const credits = page.locator('#map .maplibregl-ctrl-attrib-inner');
    await expect.poll(() => credits.textContent(), { timeout: 30_000 }).toContain('全球海岸线与河流数据 GSHHG');
    const text = (await credits.textContent()) ?? '';
    expect(text).toContain('《2022年明确6个方面32项重点任务 川渝持续推进生态共建环境共保》');
    expect(text).not.toMatch(/https?:|\.md\b|geo\//);
    expect(englishPhrase(text)).toEqual([]);
  });

  it('opens a panel’s source disclosure in Chinese, without addresses or file paths', async () => {
    const page = await open('#select=river-yangtze');
    const details = page.locator('atlas-feature-panel details');
    await details.locator('summary').click();
    await expect.poll(() => details.textContent()).toContain('全球海岸线与河流数据');
    const text = (await details.textContent()) ?? '';
    expect(text).toContain('许可');
    expect(text).not.toMatch(/https?:|\.mjs\b|\.md\b|scripts\//);
    expect(englishPhrase(text)).toEqual([]);
  });

  it('heads a reconstructed bus route’s panel with its status, in both languages', async () => {
    const page = await open('#select=bus-feeder-1');
    const heading = page.locator('atlas-feature-panel h2');
    await expect.poll(() => heading.textContent()).toMatch(/^示意线路:/);
    expect(await heading.textContent()).toContain('Illustrative route:');
    await page.locator('#language-toggle').click();
    await expect.poll(() => heading.textContent()).toMatch(/^Illustrative route: /);
  });
});
