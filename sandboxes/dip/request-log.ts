// Every DIP API call the sandbox received, so tests can count pushes and retries.
export interface LoggedRequest {
  seq: number;
  at: string;
  /** Real time of arrival in ms (Date.now()), whatever the sandbox clock says: for measuring the pace of calls. */
  wallMs: number;
  method: string;
  path: string;
  /** null while in flight, or when the client gave up before an answer. */
  status: number | null;
  bodySize: number;
  /** The injected fault that hit this call, if any. */
  fault: 'status' | 'timeout' | 'delay' | null;
  /** error_description of a 4xx/5xx answer. */
  error: string | null;
  /** The client disconnected before the answer was sent. */
  aborted: boolean;
}

const MAX_ENTRIES = 10_000;

export class RequestLog {
  private entries: LoggedRequest[] = [];
  private seq = 0;

  start(at: string, method: string, path: string, bodySize: number): LoggedRequest {
    const entry: LoggedRequest = { seq: ++this.seq, at, wallMs: Date.now(), method, path, status: null, bodySize, fault: null, error: null, aborted: false };
    this.entries.push(entry);
    if (this.entries.length > MAX_ENTRIES) this.entries.shift();
    return entry;
  }

  list(filter: { path?: string; method?: string } = {}): LoggedRequest[] {
    return this.entries
      .filter((e) => (!filter.path || e.path === filter.path) && (!filter.method || e.method === filter.method.toUpperCase()))
      .map((e) => ({ ...e }));
  }

  clear(): void {
    this.entries = [];
  }
}
