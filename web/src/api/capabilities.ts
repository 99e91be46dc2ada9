// Parts of the API other engineers ship separately: a screen shows only when its API answers.
import { ApiError, api } from './client.js';
import type { User } from './types.js';

export interface Capabilities { uitpas: boolean; reports: boolean; dip: boolean }

/** True unless the server has no such route (404 route-not-found). Any other answer means the route exists. */
async function routeExists(method: string, path: string, body?: unknown): Promise<boolean> {
  try {
    await api(method, path, { body });
    return true;
  } catch (e) {
    return !(e instanceof ApiError && e.routeMissing);
  }
}

export async function detectCapabilities(user: User): Promise<Capabilities> {
  const day = new Date().toISOString().slice(0, 10);
  const [uitpas, reports, dip] = await Promise.all([
    user.role === 'reporting' ? false : routeExists('POST', '/api/baskets/capability-probe/uitpas', { uitpasNumber: '0' }),
    routeExists('GET', `/api/reports/daily-sales?from=${day}&to=${day}`),
    user.role === 'admin' ? routeExists('GET', '/api/dip/pushes?limit=1') : false,
  ]);
  return { uitpas, reports, dip };
}
