/**
 * Listen's state machine against a synthesizer that says nothing: which paragraph, sentence and
 * place it reports as the engine reaches them, pause and resume, skipping, speed, a change of
 * language, and what happens with no voice or no speech at all.
 */
import { beforeEach, describe, expect, it } from 'vitest';
import { article } from '../../src/article/article';
import { Listen, type ListenEvent } from '../../src/listen/controller';
import { PAUSE, sequence } from '../../src/listen/sequence';
import { type VoiceLike, chooseVoice } from '../../src/listen/synth';
import { EN, FakeClock, FakeSynth, FakeUtterance, ZH } from './listen-fake';

const NOTES = { zh: '原版面此句不完整。', en: 'This sentence is cut off on the printed page.' };

let synth: FakeSynth;
let clock: FakeClock;
let events: ListenEvent[];

function listen(s: FakeSynth | null = synth): Listen {
  const l = new Listen({
    synth: s,
    makeUtterance: (text) => new FakeUtterance(text),
    source: (language) => sequence(article, language, { cutOffNote: NOTES[language] }),
    clock,
  });
  l.on((e) => events.push(e));
  return l;
}

const of = <T extends ListenEvent['type']>(type: T) => events.filter((e): e is Extract<ListenEvent, { type: T }> => e.type === type);
const mentions = () => of('mention').map((e) => e.key);
/** End what is being said and let the silence after it pass. */
const finish = () => {
  synth.end();
  clock.tick(2000);
};

beforeEach(() => {
  synth = new FakeSynth();
  clock = new FakeClock();
  events = [];
});

describe('Listen', () => {
  it('reads from the open paragraph, sentence after sentence, then the next paragraph', () => {
    const l = listen();
    expect(l.play('zh', 'ziyang-1')).toBe(true);
    expect(l.state).toBe('playing');
    expect(of('paragraph').map((e) => e.id)).toEqual(['ziyang-1']);
    expect(synth.current?.text).toBe('作为首条成都都市圈市域铁路项目,轨道交通资阳线预计2024年开通试运营。');
    expect(synth.current?.voice).toBe(ZH);
    expect(of('sentence').at(-1)).toMatchObject({ paragraph: 'ziyang-1', index: 0, start: 0 });
    finish();
    expect(of('sentence').at(-1)).toMatchObject({ paragraph: 'ziyang-1', index: 1 });
    finish();
    finish();
    expect(of('paragraph').map((e) => e.id)).toEqual(['ziyang-1', 'ziyang-2']);
    expect(synth.current?.text).toMatch(/^轨道交通资阳线始发福田站/);
  });

  it('names each place as the engine reaches it, once', () => {
    const l = listen();
    l.play('zh', 'ziyang-1');
    finish();
    synth.reach('成都未来科技城');
    expect(mentions().at(-1)).toBe('future-sci-tech-city');
    synth.reach('福田站');
    synth.boundary(synth.current!.text.indexOf('福田站') + 1);
    expect(mentions().filter((k) => k === 'futian-station')).toHaveLength(1);
    finish();
    finish();
    synth.reach('资阳北站');
    expect(mentions().at(-1)).toBe('ziyang-north-station');
    expect(of('mention').at(-1)).toMatchObject({ paragraph: 'ziyang-2' });
  });

  it('without word boundaries, names the sentence’s places in order, spread over the time it takes', () => {
    const l = listen();
    l.play('zh', 'ziyang-1');
    synth.end();
    clock.tick(PAUSE.sentence);
    // 位于成都未来科技城的福田站,是轨道交通资阳线的起始站,也是成都通往资阳的首站门户。
    // Chinese is said at about 4.5 characters a second: 成都未来科技城 at 2 characters, 福田站 at 10.
    expect(mentions()).toEqual([]);
    clock.tick(400);
    expect(mentions()).toEqual([]);
    clock.tick(100);
    expect(mentions()).toEqual(['future-sci-tech-city']);
    clock.tick(1800);
    expect(mentions()).toEqual(['future-sci-tech-city', 'futian-station']);
    clock.tick(10_000);
    expect(mentions()).toEqual(['future-sci-tech-city', 'futian-station', 'ziyang-line', 'chengdu', 'ziyang']);
  });

  it('pauses: speech stops, nothing more is said until it resumes, at the sentence it stopped in', () => {
    const l = listen();
    l.play('zh', 'ziyang-1');
    finish();
    const sentence = synth.current!.text;
    l.pause();
    expect(l.state).toBe('paused');
    expect(synth.speaking).toBe(false);
    const said = synth.spoken.length;
    clock.tick(60_000);
    expect(synth.spoken.length).toBe(said);
    l.resume();
    expect(l.state).toBe('playing');
    expect(synth.current?.text).toBe(sentence);
  });

  it('paused between two sentences, resumes with the next one', () => {
    const l = listen();
    l.play('zh', 'ziyang-1');
    synth.end();
    l.pause();
    l.resume();
    expect(synth.current?.text).toMatch(/^位于成都未来科技城/);
  });

  it('skips to the next and the previous paragraph, a story’s headline included', () => {
    const l = listen();
    l.play('zh', 'ziyang-1');
    l.next();
    expect(l.paragraph).toBe('ziyang-2');
    expect(synth.current?.text).toMatch(/^轨道交通资阳线始发/);
    l.previous();
    l.previous();
    expect(l.paragraph).toBe('ziyang');
    expect(synth.current?.text).toBe('轨道交通资阳线 预计2024年开通试运营');
    expect(of('paragraph').map((e) => e.id)).toEqual(['ziyang-1', 'ziyang-2', 'ziyang-1', 'ziyang']);
    // A late callback of what was cancelled moves nothing on.
    synth.spoken[0]!.onend?.({});
    clock.tick(5000);
    expect(l.paragraph).toBe('ziyang');
  });

  it('started again elsewhere, silences what it was saying rather than queueing behind it', () => {
    const l = listen();
    l.play('zh', 'ziyang-1');
    const first = synth.current!;
    const cancels = synth.cancels;
    l.play('zh', 'ziyang-2');
    expect(synth.cancels).toBe(cancels + 1);
    expect(synth.current?.text).toMatch(/^轨道交通资阳线始发/);
    first.onend?.({});
    clock.tick(5000);
    expect(synth.current?.text).toMatch(/^轨道交通资阳线始发/);
  });

  it('says the sentence being read again at a new speed', () => {
    const l = listen();
    l.play('zh', 'ziyang-1');
    finish();
    l.setRate(1.5);
    expect(synth.current?.rate).toBe(1.5);
    expect(synth.current?.text).toMatch(/^位于成都未来科技城/);
    expect(synth.spoken.filter((u) => u.text === synth.current?.text)).toHaveLength(2);
  });

  it('goes on in the other language at the same paragraph when the language changes', () => {
    const l = listen();
    l.play('zh', 'ziyang-2');
    l.setLanguage('en');
    expect(l.state).toBe('playing');
    expect(l.paragraph).toBe('ziyang-2');
    expect(synth.current?.voice).toBe(EN);
    expect(synth.current?.text).toMatch(/^The Ziyang Line starts at Futian Station/);
  });

  it('says the cut-off sentence, then that it is cut off', () => {
    const l = listen();
    l.play('en', 'ziyang-3');
    finish();
    expect(synth.current?.text).toBe(NOTES.en);
  });

  it('ends after the last paragraph', () => {
    const l = listen();
    const last = article.stories.at(-1)!.paragraphs.at(-1)!.id;
    l.play('zh', last);
    while (synth.current) finish();
    expect(of('ended')).toHaveLength(1);
    expect(l.state).toBe('idle');
  });

  it('reports an engine’s failure and stops', () => {
    const l = listen();
    l.play('zh', 'ziyang-1');
    synth.current!.onerror?.({ error: 'synthesis-failed' });
    expect(l.state).toBe('idle');
    expect(of('error').map((e) => e.error)).toEqual(['synthesis-failed']);
  });

  it('with no voice for the language, says so and does not speak; the other language still can', () => {
    synth = new FakeSynth([EN, { ...ZH, localService: false }]);
    const l = listen();
    expect(l.hasVoice('zh')).toBe(false);
    expect(l.hasVoice('en')).toBe(true);
    expect(l.play('zh', 'ziyang-1')).toBe(false);
    expect(of('error').map((e) => e.error)).toEqual(['no-voice']);
    expect(synth.spoken).toHaveLength(0);
    expect(l.play('en', 'ziyang-1')).toBe(true);
    expect(synth.current?.voice).toBe(EN);
  });

  it('without speech at all, is unavailable', () => {
    const l = listen(null);
    expect(l.state).toBe('unavailable');
    expect(l.play('zh', 'ziyang-1')).toBe(false);
  });
});

describe('the voice', () => {
  const voice = (lang: string, extra: Partial<VoiceLike> = {}): VoiceLike => ({ name: lang, lang, localService: true, default: false, ...extra });

  it('is the device’s own, Chinese as written in mainland China first', () => {
    const tw = voice('zh-TW');
    const hk = voice('zh_HK', { default: true });
    const cn = voice('zh-CN');
    const online = voice('zh-CN', { name: 'online', localService: false });
    expect(chooseVoice([tw, hk, online, cn], 'zh')).toBe(cn);
    expect(chooseVoice([tw, hk, online], 'zh')).toBe(hk);
    expect(chooseVoice([online, voice('en-US')], 'zh')).toBe(null);
  });

  it('is an English voice for English, the system’s default among equals', () => {
    const us = voice('en-US');
    const gb = voice('en-GB', { default: true });
    expect(chooseVoice([voice('en-IN'), us, gb], 'en')).toBe(gb);
    expect(chooseVoice([voice('fr-FR'), voice('en-IN')], 'en')?.lang).toBe('en-IN');
  });
});
