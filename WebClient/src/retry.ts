// Trying again: the waits between tries (the hub's reconnects use them too) and a loop that keeps trying while wanted.

/** The wait after the n-th failed try (n from 0): doubling from half a second, ten seconds at the most. */
export function backoff(failures: number): number {
  return Math.min(10_000, 500 * 2 ** failures);
}

/** Waits `ms` milliseconds. */
export const sleep = (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms));

/**
 * Runs `task` until it succeeds, waiting `backoff` between tries, for as long as `wanted()` says (checked before each
 * try); `failed` hears each failure with how many came before it, and stops the tries by answering false (a refusal
 * that trying again cannot change). True once it succeeded, false when stopped or no longer wanted.
 */
export async function retry(task: () => Promise<unknown>, wanted: () => boolean, failed: (error: unknown, failures: number) => boolean | void = () => undefined,
  wait: (ms: number) => Promise<void> = sleep): Promise<boolean> {
  for (let failures = 0; wanted(); failures++) {
    try {
      await task();
      return true;
    } catch (error) {
      if (failed(error, failures) === false) return false;
      await wait(backoff(failures));
    }
  }
  return false;
}
