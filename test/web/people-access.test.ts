// The back office's people and access, job queue and audit trail in a browser (admin, desktop): a
// manager creates a staff member (a refused e-mail shown on its field), resets their password with
// a one-time code that the staff member then signs in with, creates an API client whose secret is
// shown once and works, tries a failed job again, and reads the role change in the audit trail.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { enqueue, JobRunner } from '../../src/platform/jobs.js';
import { fixedClock, orgWithUser, startServer, type TestServer } from '../helpers/server.js';
import { eventually, logIn, openBrowser, screenshotOnFailure, type Browser, textContrast } from './browser.js';

const NOW = '2054-11-23T12:00:00Z';

describe('people, jobs and the audit trail in the back office', { timeout: 180_000 }, () => {
  let s: TestServer;
  let browser: Browser;
  let page: Page;
  let admin: Awaited<ReturnType<typeof orgWithUser>>;
  const api = (method: string, path: string, body?: unknown) => s.request(method, path, { token: admin.token, body });
  const section = async (id: string) => {
    await page.click('button[name=tab-manage]');
    await page.click(`button[name=manage-${id}]`);
  };

  beforeAll(async () => {
    s = await startServer('sqlite', { clock: fixedClock(NOW) });
    admin = await orgWithUser(s, 'admin', 'Schouwburg Zuid');
    browser = await openBrowser();
    await browser.context.clock.install({ time: new Date(NOW) });
    page = browser.page;
    page.on('dialog', (d) => { void d.accept(); });
  }, 240_000);
  afterAll(async () => {
    await browser?.close();
    await s?.close();
  });

  it('creates a staff member, changes the role, and resets the password with a code the staff member signs in with', async () => {
    screenshotOnFailure(() => page, 'people-users');
    await logIn(page, s.baseUrl, admin.email, admin.password);
    await section('people');
    await page.click('button[name=new-user]');
    // The admin's own address is taken: the API's refusal shows on the e-mail field, in Dutch.
    await page.fill('input[name=email]', admin.email);
    await page.fill('input[name=name]', 'Kassa Anna');
    await page.selectOption('select[name=role]', 'boxoffice');
    await page.fill('input[name=password]', 'eerste wachtwoord');
    await page.click('button[name=save-user]');
    await eventually(() => page.locator('.field.invalid[data-field=email] .field-error').textContent()).toBe('is al in gebruik');
    await page.fill('input[name=email]', 'anna@zuid.test');
    await page.click('button[name=save-user]');
    await page.waitForSelector('tr[data-user="anna@zuid.test"]');
    // The red "Uitschakelen" button: its text readable on its red (WCAG AA, 4.5:1).
    expect(await textContrast(page.locator('tr[data-user="anna@zuid.test"] button[name=deactivate-user]'))).toBeGreaterThanOrEqual(4.5);
    expect((await api('GET', '/api/users')).body.items).toContainEqual(expect.objectContaining({ email: 'anna@zuid.test', role: 'boxoffice', disabled: false }));

    await page.click('tr[data-user="anna@zuid.test"] button[name=edit-user]');
    await page.selectOption('select[name=role]', 'door');
    await page.click('button[name=save-user]');
    await eventually(() => page.locator('tr[data-user="anna@zuid.test"] td:nth-child(3)').textContent()).toBe('Deur (scannen)');

    await page.click('tr[data-user="anna@zuid.test"] button[name=reset-password]');
    const code = (await page.locator('[data-secret=reset-code]').textContent())!;
    expect(code).toMatch(/^[A-Z2-9]{5}-[A-Z2-9]{5}$/);
    await page.click('button[name=forget-code]');
    await expect(page.locator('[data-secret=reset-code]').count()).resolves.toBe(0);
    expect((await s.request('POST', '/api/auth/login', { body: { email: 'anna@zuid.test', password: 'eerste wachtwoord' } })).status).toBe(401);

    // Anna, on the login screen of another browser.
    const other = await openBrowser();
    try {
      await other.context.clock.install({ time: new Date(NOW) });
      const p = other.page;
      await p.goto(s.baseUrl);
      await p.click('button[name=have-reset-code]');
      await p.fill('input[name=email]', 'anna@zuid.test');
      await p.fill('input[name=code]', code.toLowerCase());
      await p.fill('input[name=new-password]', 'nieuw wachtwoord 1');
      await p.click('button[name=set-password]');
      // Anna is a door steward now: signed in, she is shown the way to the scanner, not the box office.
      await eventually(() => p.locator('.door-account h1').textContent()).toBe('Dit account is voor de ingang');
      await expect(p.locator('a[data-link=scanner]').getAttribute('href')).resolves.toBe('/scan/');
      // Reopened, the app knows her (GET /api/me answers a door account) and shows the same, in French too.
      await p.reload();
      await p.selectOption('.door-account select.lang', 'fr');
      await eventually(() => p.locator('.door-account h1').textContent()).toBe('Ce compte est pour l’entrée');
    } finally {
      await other.close();
    }
    expect((await s.request('POST', '/api/auth/login', { body: { email: 'anna@zuid.test', password: 'nieuw wachtwoord 1' } })).status).toBe(200);
    await page.click('button[name=manage-people]');
    await page.click('tr[data-user="anna@zuid.test"] button[name=sign-ins]');
    await eventually(() => page.locator('.sign-ins tbody tr').count()).toBeGreaterThanOrEqual(2);
  });

  it('creates an API client: the secret is shown once and works', async () => {
    screenshotOnFailure(() => page, 'people-clients');
    await page.click('button[name=people-clients]');
    await page.fill('input[name=client-name]', 'Website');
    await page.click('button[name=create-client]');
    const clientId = (await page.locator('[data-secret=id]').textContent())!;
    const secret = (await page.locator('[data-secret=secret]').textContent())!;
    expect(secret.length).toBeGreaterThan(30);
    const token = await s.request('POST', '/api/oauth/token', { body: { grant_type: 'client_credentials', client_id: clientId, client_secret: secret } });
    expect(token.status).toBe(200);
    await page.click('button[name=forget-secret]');
    await page.waitForSelector('tr[data-client=Website]');
    expect(await page.content()).not.toContain(secret);
  });

  it('shows a failed job with its last error and tries it again', async () => {
    screenshotOnFailure(() => page, 'jobs');
    const now = s.clock.now();
    const id = (await enqueue(s.deps.db, { kind: 'mail.send', payload: { outboxId: 'x' }, organisationId: admin.orgId, maxAttempts: 1 }, now))!;
    await new JobRunner({ deps: s.deps }).register('mail.send', async () => { throw new Error('SMTP answered 451 try later'); }).runDue();
    await section('jobs');
    // One name for the screen: the menu says what its title says.
    await eventually(() => page.locator('.jobs h2').textContent()).toBe('Achtergrondtaken');
    expect(await page.locator('button[name=manage-jobs]').textContent()).toBe('Achtergrondtaken');
    const row = page.locator(`tr[data-job="${id}"]`);
    await eventually(() => row.getAttribute('data-status')).toBe('dead');
    await expect(row.locator('.last-error summary').textContent()).resolves.toContain('SMTP answered 451 try later');
    await expect(page.locator('button[name=jobs-dead] .count').textContent()).resolves.toBe('1');
    await row.locator('button[name=retry-job]').click();
    await page.waitForSelector('[role=status]');
    expect((await api('GET', '/api/jobs?status=pending')).body.items).toContainEqual(expect.objectContaining({ id, status: 'pending', attempts: 0 }));
    await eventually(() => page.locator(`tr[data-job="${id}"]`).count()).toBe(0);
  });

  it('shows the role change in the audit trail as before → after, filtered by subject', async () => {
    screenshotOnFailure(() => page, 'audit');
    await section('audit');
    await page.selectOption('select[name=subject]', 'user');
    await page.click('button[name=audit-filter]');
    const change = page.locator('tr[data-audit=user] [data-field=role]').first();
    await eventually(() => change.textContent()).toBe('Rol: Kassa → Deur (scannen)');
    // The unfiltered list shows that change too, so the filter's own answer may still be on its way.
    await eventually(() => page.locator('tr[data-audit=api-client]').count()).toBe(0);
    await expect(page.locator('tr[data-audit=user]').first().textContent()).resolves.toContain('wachtwoord');
  });
});
