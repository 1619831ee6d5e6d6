// Unit names as the receiving office compares them: the same body is written “XX镇人民政府”, “XX镇政府”,
// “XX镇人民政府办公室” or “XX镇” in different files and rosters. Names are compared after normalising
// those spellings; anything less than equal after normalisation is only a *proposal* the user confirms.

/** Suffixes that name the same body in different spellings, longest first (checked repeatedly). */
const SAME_BODY_SUFFIXES = ['人民政府办公室', '人民政府办公厅', '政府办公室', '政府办公厅', '人民政府', '政府办', '政府'];

/** Characters that never distinguish two units: spaces of every width, brackets' spelling, dots. */
function stripNoise(name: string): string {
  let out = '';
  for (const ch of name.normalize('NFKC')) {
    if (/\s/u.test(ch) || ch === '·' || ch === '•' || ch === '.') continue;
    out += ch === '（' ? '(' : ch === '）' ? ')' : ch;
  }
  return out;
}

/**
 * The comparable form of a unit name: NFKC, no white space, and the trailing spelling of “the
 * government (office)” removed, so “黄金镇人民政府” = “黄金镇政府” = “黄金镇”.
 * A department (“县教育局”) keeps its name: only the government's own spellings are folded.
 */
export function normalizeUnitName(name: string): string {
  let n = stripNoise(name);
  let changed = true;
  while (changed) {
    changed = false;
    for (const suffix of SAME_BODY_SUFFIXES) {
      if (n.length > suffix.length && n.endsWith(suffix)) {
        n = n.slice(0, -suffix.length);
        changed = true;
        break;
      }
    }
  }
  return n;
}

/** Dice coefficient of character bigrams of two normalised names (0…1). */
export function nameSimilarity(a: string, b: string): number {
  const x = normalizeUnitName(a);
  const y = normalizeUnitName(b);
  if (x === y) return 1;
  if (x.length < 2 || y.length < 2) return 0;
  const grams = new Map<string, number>();
  for (let i = 0; i + 1 < x.length; i++) {
    const g = x.slice(i, i + 2);
    grams.set(g, (grams.get(g) ?? 0) + 1);
  }
  let common = 0;
  for (let i = 0; i + 1 < y.length; i++) {
    const g = y.slice(i, i + 2);
    const n = grams.get(g) ?? 0;
    if (n > 0) {
      common++;
      grams.set(g, n - 1);
    }
  }
  return (2 * common) / (x.length - 1 + (y.length - 1));
}

/** Below this a roster entry is not even proposed as a match. */
export const FUZZY_MATCH_MIN = 0.6;

export interface RosterMatch {
  /** Roster entries with the units (by index into `units`) that match them exactly after normalising. */
  matched: { rosterName: string; unit: number }[];
  /** Units whose name equals no roster entry; `candidate` is the closest unmatched entry, for the user to confirm. */
  unknown: { unit: number; candidate?: { rosterName: string; similarity: number } }[];
  /** Roster entries no unit matched exactly (a confirmed fuzzy match removes its entry from here). */
  missing: string[];
}

/**
 * Matches the units' names to a roster. Exact after normalisation is a match; for the others the closest
 * roster entry that no unit matched is proposed — never applied: the caller confirms it (`confirmed`, a
 * map unit index → roster name, the user's answers) before it counts.
 */
export function matchRoster(unitNames: readonly string[], roster: readonly string[], confirmed: ReadonlyMap<number, string> = new Map()): RosterMatch {
  const byNorm = new Map<string, string>();
  for (const r of roster) {
    const norm = normalizeUnitName(r);
    if (norm && !byNorm.has(norm)) byNorm.set(norm, r);
  }
  const matched: RosterMatch['matched'] = [];
  const taken = new Set<string>();
  const rest: number[] = [];
  unitNames.forEach((name, unit) => {
    const hit = byNorm.get(normalizeUnitName(name));
    if (hit !== undefined) {
      matched.push({ rosterName: hit, unit });
      taken.add(hit);
    } else rest.push(unit);
  });
  const unknown: RosterMatch['unknown'] = [];
  for (const unit of rest) {
    const answer = confirmed.get(unit);
    if (answer !== undefined && roster.includes(answer)) {
      matched.push({ rosterName: answer, unit });
      taken.add(answer);
      continue;
    }
    let best: { rosterName: string; similarity: number } | undefined;
    for (const r of byNorm.values()) {
      if (taken.has(r)) continue;
      const s = nameSimilarity(unitNames[unit]!, r);
      if (s >= FUZZY_MATCH_MIN && (!best || s > best.similarity)) best = { rosterName: r, similarity: Math.round(s * 100) / 100 };
    }
    unknown.push(best ? { unit, candidate: best } : { unit });
  }
  const missing = [...byNorm.values()].filter((r) => !taken.has(r));
  return { matched, unknown, missing };
}

/** A roster from text: one unit a line; blank lines, `#` comments and a UTF-8 BOM ignored, duplicates once. */
export function parseRosterText(text: string): string[] {
  const seen = new Set<string>();
  const out: string[] = [];
  for (const raw of text.replace(/^\uFEFF/, '').split(/\r\n|\r|\n/)) {
    const line = raw.trim();
    if (!line || line.startsWith('#')) continue;
    const norm = normalizeUnitName(line);
    if (seen.has(norm)) continue;
    seen.add(norm);
    out.push(line);
  }
  return out;
}
