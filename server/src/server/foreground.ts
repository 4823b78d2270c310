// Work the user waits for (the check of an open document after an edit or an open) goes before
// background work (indexing the workspace): background work awaits `idle()` between its slices.
export class Foreground {
  private pending = 0;
  private waiters: Array<() => void> = [];

  /** Some foreground work started; call what it returns when it is done (once). */
  begin(): () => void {
    this.pending++;
    let ended = false;
    return () => {
      if (ended) return;
      ended = true;
      this.pending--;
      if (this.pending === 0) {
        const waiters = this.waiters;
        this.waiters = [];
        for (const wake of waiters) wake();
      }
    };
  }

  /** Track a promise as foreground work until it settles. */
  track<T>(work: Promise<T>): Promise<T> {
    const end = this.begin();
    work.then(end, end);
    return work;
  }

  get busy(): boolean {
    return this.pending > 0;
  }

  /**
   * Resolves when no foreground work is pending (at once when none is), or after `atMostMs`: typing
   * without a pause must not starve the background for ever.
   */
  idle(atMostMs?: number): Promise<void> {
    if (this.pending === 0) return Promise.resolve();
    return new Promise((resolve) => {
      let timer: ReturnType<typeof setTimeout> | undefined;
      const wake = () => {
        clearTimeout(timer);
        const at = this.waiters.indexOf(wake);
        if (at >= 0) this.waiters.splice(at, 1);
        resolve();
      };
      this.waiters.push(wake);
      if (atMostMs !== undefined) timer = setTimeout(wake, atMostMs);
    });
  }
}
