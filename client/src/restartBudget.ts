// How many times the language server may be restarted after crashing: at most `limit` restarts within
// `windowMs`. A server that crashes on every start would otherwise be restarted forever.

export class RestartBudget {
  private readonly restarts: number[] = [];

  constructor(
    private readonly limit = 4,
    private readonly windowMs = 3 * 60_000,
    private readonly now: () => number = Date.now,
  ) {}

  /** Records a crash; true when one more restart is allowed. */
  tryRestart(): boolean {
    const t = this.now();
    while (this.restarts.length > 0 && t - (this.restarts[0] ?? 0) > this.windowMs) this.restarts.shift();
    if (this.restarts.length >= this.limit) return false;
    this.restarts.push(t);
    return true;
  }

  /** Forgets past crashes (after the user restarts the server by hand). */
  reset(): void {
    this.restarts.length = 0;
  }
}
