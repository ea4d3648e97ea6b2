/** Handlers return a Result and never throw across the API boundary. */
export type Result<T> = { ok: true; value: T } | { ok: false; error: ApiError };

export interface ApiError {
  /** Stable machine code, e.g. `not_found`, `invalid_input`, `not_a_case`. */
  code: string;
  /** One clear sentence for the person using the app. */
  message: string;
  details?: unknown;
}

export const ok = <T>(value: T): Result<T> => ({ ok: true, value });
export const err = (code: string, message: string, details?: unknown): Result<never> => ({
  ok: false,
  error: { code, message, ...(details === undefined ? {} : { details }) },
});

/** An error a handler may throw deep inside core; the dispatcher turns it into a Result. */
export class CustodianError extends Error {
  constructor(
    readonly code: string,
    message: string,
    readonly details?: unknown,
  ) {
    super(message);
    this.name = 'CustodianError';
  }
}
