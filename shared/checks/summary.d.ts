import type { Finding, FindingPlace, SeverityCounts } from './types';
export declare const FINDING_PLACES: readonly FindingPlace[];
export declare function countBySeverity(findings: readonly Finding[]): SeverityCounts;
/** Findings per place (every place present, possibly empty), each list in the engine's order. */
export declare function findingsByPlace(findings: readonly Finding[]): Record<FindingPlace, Finding[]>;
/** A confirm finding the user has explained in writing (whitespace alone does not count). */
export declare function isExplained(finding: Finding): boolean;
/** What stops the final export: every error, and every confirm without an explanation. */
export declare function blockingFindings(findings: readonly Finding[]): Finding[];
