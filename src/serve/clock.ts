// Time as the monitor sees it: the current time and a periodic tick. Tests pass their own clock, so
// windows close when the test says, not after real time has passed.
export interface Clock {
  /** Epoch milliseconds. */
  now(): number;
  /** Calls `tick` every `ms` milliseconds, without keeping the process alive; returns the stop. */
  every(ms: number, tick: () => Promise<void>): () => void;
}

export const systemClock: Clock = {
  now: () => Date.now(),
  every(ms, tick) {
    const timer = setInterval(tick, ms);
    timer.unref();
    return () => clearInterval(timer);
  },
};
