// Where the venue takes box-office payments only in an open shift, a refused payment offers to open
// one: the button takes the cashier to the Till tab (the shell listens for OPEN_TILL).
import { ApiError } from '../api/client.js';
import { useTill } from './words.js';

export const OPEN_TILL = 'foyer:open-till';

export const isShiftRequired = (e: unknown): boolean => e instanceof ApiError && String(e.problem.type ?? '').endsWith('/shift-required');

export function ShiftRequired({ error }: { error: unknown }) {
  const { tw } = useTill();
  if (!isShiftRequired(error)) return null;
  return (
    <p className="shift-required">
      <button type="button" className="primary" name="go-open-shift" onClick={() => window.dispatchEvent(new Event(OPEN_TILL))}>{tw('openShift')}</button>
    </p>
  );
}
