/**
 * Who may use the write connection: any number of single statements at once, or one transaction
 * alone. SQLite makes a single statement atomic by itself, so statements need not wait for each
 * other; queueing each behind the last (one event-loop round trip apiece) made saves pile up under
 * load. A transaction spans several round trips, so it waits for the statements already running
 * and holds back new ones until it commits, or one of them would land inside it.
 */
export class WriterGate {
  private transactions: Promise<unknown> = Promise.resolve();
  private waitingTransactions = 0;
  private readonly running = new Set<Promise<unknown>>();

  statement<T>(work: () => Promise<T>): Promise<T> {
    const start = () => {
      const started = work();
      const tracked = started.catch(() => undefined).finally(() => this.running.delete(tracked));
      this.running.add(tracked);
      return started;
    };
    return this.waitingTransactions ? this.transactions.then(start) : start();
  }

  transaction<T>(work: () => Promise<T>): Promise<T> {
    this.waitingTransactions++;
    const next = this.transactions
      .then(async () => {
        await Promise.all(this.running);
        return work();
      })
      .finally(() => {
        this.waitingTransactions--;
      });
    this.transactions = next.catch(() => undefined);
    return next;
  }

  /** Resolves once nothing is running or waiting. */
  async idle(): Promise<void> {
    while (this.waitingTransactions || this.running.size) {
      await this.transactions;
      await Promise.all(this.running);
    }
  }
}
