import { PiiSpan } from './analyser';

const escape = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

/**
 * Where the names of people the bot knows (users, advisers) appear in a comment: the full name, or
 * a title and surname ("Mrs Marsh"). A first name alone is left, as it is too often an ordinary word.
 */
export function knownNameSpans(text: string, names: string[]): PiiSpan[] {
  const spans: PiiSpan[] = [];
  for (const name of names) {
    const parts = name.trim().split(/\s+/);
    if (parts.length < 2) continue;
    const surname = escape(parts[parts.length - 1]);
    const pattern = new RegExp(`\\b(?:${parts.map(escape).join('\\s+')}|(?:Mr|Mrs|Ms|Miss|Mx|Dr)\\.?\\s+${surname})\\b`, 'gi');
    for (const m of text.matchAll(pattern)) spans.push({ offset: m.index ?? 0, length: m[0].length, category: 'name' });
  }
  return spans;
}

const PLACEHOLDER: Record<PiiSpan['category'], string> = { name: '[name]', email: '[email]', phone: '[phone]', other: '[personal data]' };

/** Overlapping spans merged, so a name inside an email address is replaced once. */
function merged(spans: PiiSpan[]): PiiSpan[] {
  const sorted = [...spans].sort((a, b) => a.offset - b.offset || b.length - a.length);
  const out: PiiSpan[] = [];
  for (const s of sorted) {
    const last = out[out.length - 1];
    if (last && s.offset < last.offset + last.length) {
      last.length = Math.max(last.length, s.offset + s.length - last.offset);
    } else out.push({ ...s });
  }
  return out;
}

/** The comment with every span replaced by a placeholder such as [name] or [phone]. */
export function redact(text: string, spans: PiiSpan[]): string {
  let out = '';
  let at = 0;
  for (const s of merged(spans)) {
    out += text.slice(at, s.offset) + PLACEHOLDER[s.category];
    at = s.offset + s.length;
  }
  return out + text.slice(at);
}

/** Key phrases that contain personal data are dropped: a theme should never name a person. */
export function phrasesWithoutPii(phrases: string[], text: string, spans: PiiSpan[]): string[] {
  const personal = spans.map((s) => text.slice(s.offset, s.offset + s.length).toLowerCase());
  const kept = new Map<string, string>();
  for (const phrase of phrases.map((p) => p.trim())) {
    const lower = phrase.toLowerCase();
    if (!lower || kept.has(lower)) continue;
    if (personal.some((x) => x.includes(lower) || lower.includes(x))) continue;
    kept.set(lower, phrase);
  }
  return [...kept.values()];
}
