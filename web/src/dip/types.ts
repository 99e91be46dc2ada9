// Shapes of the DIP API (GET /api/dip/performances, /api/dip/pushes).
export interface DipPerformance {
  dipNumber: string; productionNumber: string; performanceNumber: number; title: string; date: string; status: string; type: string;
  location: string | null; linkedPerformanceId: string | null; linkState: string | null;
  /** The last read-back of what DIP holds, and DIP's message when it refused the read. */
  checkState: 'in_sync' | 'differs' | 'refused' | null; checkAt: string | null; checkRefused: string | null;
  suggestions: { performanceId: string; title: string; startsAt: string; match: string }[];
}
export interface DipPush {
  id: string; kind: string; method: string; path: string; sentAt: string; durationMs: number | null; status: string;
  httpStatus: number | null; performances: number | null;
  /** DIP's answer (parsed JSON, or the text). */
  answer?: unknown;
}
export interface DipStatus {
  enabled: boolean;
  lastRun: { at: string; outcome: 'done' | 'stopped' | 'failed'; message: string | null } | null;
  lastCheckAt: string | null;
}
