import type { ErrorBody, ErrorCode } from '@aftercare/shared';

/**
 * The one error type the domain and the store throw on purpose. Transport turns it into an
 * `{ error }` answer; anything else becomes `INTERNAL` and a log line.
 */
export class AftercareError extends Error {
  override readonly name = 'AftercareError';

  constructor(
    readonly code: ErrorCode,
    message: string,
    readonly details: Omit<ErrorBody, 'code' | 'message'> = {},
  ) {
    super(message);
  }

  toBody(): ErrorBody {
    return { code: this.code, message: this.message, ...this.details };
  }
}

export function isAftercareError(error: unknown): error is AftercareError {
  return error instanceof AftercareError;
}
