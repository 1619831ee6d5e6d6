// The 落款 that ends a report (spec §7): the agency's name over the date of issue (2025年1月20日). It is
// not part of section 六: the importer takes it off the end of the text and keeps the date as `issued`.
import { isIssueDate } from '../model/report';
import { stripLine, toHalfWidth } from './text-normalize';

export interface Signature {
  /** Index of the signature's first line: the text before it is the report. */
  from: number;
  /** `YYYY-MM-DD`, or undefined when the date printed is not a real date. */
  issued: string | undefined;
}

const DATE = /^(\d{4})年(\d{1,2})月(\d{1,2})日$/;
const SENTENCE_MARKS = /[。，；：！？、]/;

export function findSignature(lines: string[]): Signature | undefined {
  let last = lines.length - 1;
  while (last >= 0 && stripLine(lines[last]!) === '') last--;
  if (last < 0) return undefined;
  const match = DATE.exec(toHalfWidth(stripLine(lines[last]!)).replace(/\s+/g, ''));
  if (!match) return undefined;
  const pad = (n: string) => n.padStart(2, '0');
  const date = `${match[1]}-${pad(match[2]!)}-${pad(match[3]!)}`;
  let from = last;
  let above = last - 1;
  while (above >= 0 && stripLine(lines[above]!) === '') above--;
  // The agency's name above the date: one short line that is no sentence and no heading.
  const name = above >= 0 ? stripLine(lines[above]!) : '';
  if (name !== '' && name.length <= 60 && !SENTENCE_MARKS.test(name) && !/^[一二三四五六七八九十]+、|^（/.test(name)) from = above;
  return { from, issued: isIssueDate(date) ? date : undefined };
}
