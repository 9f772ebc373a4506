/** The one error type: a stable UPPER_SNAKE code and a Chinese message that says what to fix. */
export class AppError extends Error {
  /** set once an access denial has been written to the audit log, so it is recorded exactly once */
  audited = false;
  constructor(
    readonly code: string,
    message: string,
    readonly details?: Record<string, unknown>,
  ) {
    super(message);
  }
}

const statusByCode: Record<string, number> = {
  VALIDATION: 400,
  WEAK_PASSWORD: 400,
  IMPORT_INVALID: 400,
  BAD_REQUEST: 400,
  UNAUTHENTICATED: 401,
  INVALID_CREDENTIALS: 401,
  FORBIDDEN: 403,
  CSRF: 403,
  PASSWORD_CHANGE_REQUIRED: 403,
  NOT_FOUND: 404,
  FACT_NOT_FOUND: 404,
  CONFLICT: 409,
  PAYLOAD_TOO_LARGE: 413,
  UNSUPPORTED_MEDIA_TYPE: 415,
  ACCOUNT_DISABLED: 403,
  ACCOUNT_LOCKED: 423,
  RATE_LIMITED: 429,
};

export function statusOf(code: string): number {
  return statusByCode[code] ?? 500;
}

export const notFound = (what = '对象') => new AppError('NOT_FOUND', `${what}不存在或不在您的管理范围内`);
export const forbidden = (msg = '您没有执行此操作的权限') => new AppError('FORBIDDEN', msg);
/** An unknown fact key (api-contract.md "Facts"). */
export const factNotFound = (key: string) => new AppError('FACT_NOT_FOUND', `没有名为“${key}”的统计指标`);
export const conflict = (msg: string) => new AppError('CONFLICT', msg);
export const invalid = (msg: string, details?: Record<string, unknown>) => new AppError('VALIDATION', msg, details);
