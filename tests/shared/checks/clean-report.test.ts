import { describe, expect, it } from 'vitest';
import { blockingFindings, countBySeverity, runChecks } from '../../../shared/checks/index';
import { pingtanPreviousReport, pingtanReport } from '../../fixtures/pingtan';
import { clean2019, clean2021, findings } from './helpers';

describe('a clean complete report', () => {
  it('pingtan-2022 as published: no error, no confirm; only the length hint for its 2284-character overview', () => {
    const list = runChecks({ report: pingtanReport() });
    expect(countBySeverity(list)).toEqual({ error: 0, confirm: 0, hint: 1 });
    expect(list[0]).toMatchObject({ rule: 'text.overviewLength', severity: 'hint', actual: 2284, expected: 1000 });
    expect(blockingFindings(list)).toEqual([]);
  });

  it('pingtan-2022 with its plausible previous year: nothing more to say', () => {
    const current = pingtanReport();
    const list = runChecks({ report: current, previous: pingtanPreviousReport(current) });
    expect(list.map((f) => f.rule)).toEqual(['text.overviewLength']);
  });

  it('the derived previous year is itself a clean 2021 report', () => {
    const prev = pingtanPreviousReport();
    expect(prev.year).toBe(2021);
    expect(runChecks({ report: prev }).map((f) => f.rule)).toEqual(['text.overviewLength']);
  });

  it('the clean fixtures of both formats have no finding at all', () => {
    expect(findings(clean2021())).toEqual([]);
    expect(findings(clean2019())).toEqual([]);
    expect(findings(clean2021(), pingtanPreviousReport())).toEqual([]);
  });

  it('does not change the documents it checks', () => {
    const current = pingtanReport();
    const prev = pingtanPreviousReport(current);
    const before = JSON.stringify([current, prev]);
    runChecks({ report: current, previous: prev });
    expect(JSON.stringify([current, prev])).toBe(before);
  });
});
