// How many times the language server may be restarted after crashing: at most `limit` restarts within
// `windowMs`. A server that crashes on every start would otherwise be restarted forever.

export class RestartBudget {
  private readonly restarts: number[] = [];
  private refused = false;

  constructor(
    private readonly limit = 4,
    private readonly windowMs = 3 * 60_000,
    private readonly now: () => number = Date.now,
  ) {}

  /** Records a crash; true when one more restart is allowed. */
  tryRestart(): boolean {
    const t = this.now();
    while (this.restarts.length > 0 && t - (this.restarts[0] ?? 0) > this.windowMs) this.restarts.shift();
    this.refused = this.restarts.length >= this.limit;
    if (this.refused) return false;
    this.restarts.push(t);
    return true;
  }

  /** True when the last crash was refused a restart: the server stays stopped until reset(). */
  get exhausted(): boolean {
    return this.refused;
  }

  /** Forgets past crashes (after the user restarts the server by hand). */
  reset(): void {
    this.restarts.length = 0;
    this.refused = false;
  }
}
