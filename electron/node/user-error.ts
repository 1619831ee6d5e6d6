// The one error type whose message reaches the user: a contract error code and a Chinese message that says
// what happened and what to do. Anything else thrown inside a handler is reported as an internal error.
import type { BridgeError, ErrorCode } from '../../shared/ipc/contract';
import type { Finding } from '../../shared/checks/types';

export class UserError extends Error {
  readonly code: ErrorCode;
  readonly problems: string[] | undefined;
  readonly findings: Finding[] | undefined;
  readonly importId: string | undefined;
  constructor(code: ErrorCode, message: string, details: { problems?: string[] | undefined; findings?: Finding[] | undefined; importId?: string } = {}) {
    super(message);
    this.name = 'UserError';
    this.code = code;
    this.problems = details.problems;
    this.findings = details.findings;
    this.importId = details.importId;
  }

  /** Wraps an error a service returned as data (the PDF service answers with a BridgeError). */
  static from(error: BridgeError): UserError {
    return new UserError(error.code, error.message, { problems: error.problems, findings: error.findings });
  }

  toBridgeError(): BridgeError {
    const error: BridgeError = { code: this.code, message: this.message };
    if (this.problems && this.problems.length > 0) error.problems = this.problems;
    if (this.findings) error.findings = this.findings;
    if (this.importId) error.importId = this.importId;
    return error;
  }
}

/** What the renderer is told about any failure: the UserError as is, anything else as an internal error. */
export function toBridgeError(e: unknown): BridgeError {
  if (e instanceof UserError) return e.toBridgeError();
  const detail = e instanceof Error ? e.message : String(e);
  return { code: 'internal', message: `程序内部错误：${detail}。编辑中的内容没有丢失。` };
}
