/**
 * Rejects with "`who` did not answer within `ms` ms" when `work` takes longer; a late answer is
 * simply dropped. For waits on another party (Redis, the other server processes) that must not
 * hold the caller for long.
 */
export function withTimeout<T>(work: Promise<T>, ms: number, who: string): Promise<T> {
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new Error(`${who} did not answer within ${ms} ms`)), ms);
  });
  return Promise.race([work, timeout]).finally(() => clearTimeout(timer));
}
