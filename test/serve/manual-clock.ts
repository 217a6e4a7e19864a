// A clock the test moves: windows close when the test ticks it, never after real time has passed.
import type { Clock } from '../../src/serve/clock.js';

export class ManualClock implements Clock {
  private ticks: (() => Promise<void>)[] = [];

  constructor(public time: number) {}

  now(): number {
    return this.time;
  }

  every(_ms: number, tick: () => Promise<void>): () => void {
    this.ticks.push(tick);
    return () => {
      this.ticks = this.ticks.filter((t) => t !== tick);
    };
  }

  /** Sets the time and runs the periodic work once, as the timer would. */
  async tick(time: number): Promise<void> {
    this.time = time;
    for (const t of this.ticks) await t();
  }
}
