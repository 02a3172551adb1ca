// Chinese place names → toneless pinyin, for English labels and for joining GeoNames' romanised
// names to the township list. pinyin-pro (MIT) reads words as a whole, so 长寿 is changshou and
// 重庆 chongqing; a name may still be read several ways (乐 le/yue), so the join tries every reading.
import { pinyin } from 'pinyin-pro';

/** The peoples named in Sichuan's and Chongqing's autonomous counties and ethnic townships. */
const PEOPLES = '(?:彝族|藏族|羌族|土家族|苗族|回族|蒙古族|傈僳族|纳西族|布依族|满族|傣族|白族)';

/** A county-level name without its 区/县/市 or 自治县 (with the peoples before it). */
export function countyStem(name) {
  const stem = name.replace(new RegExp(`${PEOPLES}*自治县$`), '').replace(/[区县市]$/, '');
  // One-character stems (珙县, 高县) keep the 县: Gongxian, Gaoxian, as they are written in English.
  return stem.length >= 2 ? stem : name;
}

/** A township's name without 镇/乡/街道 (nor the peoples of an ethnic township: 彝族乡). */
export function townStem(name) {
  return name.replace(new RegExp(`(?:${PEOPLES}+乡|民族乡|街道|镇|乡)$`), '');
}

/** Lower-case letters only: how GeoNames' names and pinyin are compared. */
export const squash = (s) =>
  s
    .toLowerCase()
    .normalize('NFD')
    .replace(/[^a-z]/g, '');

/** Display pinyin for readings the library gets wrong in place names. */
const READING = { 什邡: 'Shifang', 犍为: 'Qianwei', 筠连: 'Junlian', 郫都: 'Pidu', 红原: 'Hongyuan' };

/** A name in pinyin as written in English: one word, capitalised, ' before a, o, e mid-word (Nan'an). */
export function pinyinName(zh) {
  if (READING[zh]) return READING[zh];
  const syllables = pinyin(zh, { toneType: 'none', type: 'array', v: true }).map((s) => s.replace('v', 'ü'));
  const word = syllables.map((s, i) => (i > 0 && /^[aoe]/.test(s) ? `'${s}` : s)).join('');
  return word.charAt(0).toUpperCase() + word.slice(1);
}

/** Every toneless reading of a name (squashed), for names of up to a few characters. */
export function readings(zh) {
  let out = [''];
  for (const ch of zh) {
    const options = [...new Set(pinyin(ch, { toneType: 'none', type: 'array', multiple: true }).map(squash))];
    out = out.flatMap((prefix) => options.map((o) => prefix + o));
    if (out.length > 64) break;
  }
  const whole = squash(pinyin(zh, { toneType: 'none', separator: '' }));
  return new Set([whole, ...out]);
}
