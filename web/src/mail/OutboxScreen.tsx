// The mail outbox for staff: every e-mail Foyer made, newest first, with its status; open one to read
// it (subject, recipient, text) and send it again.
import { useCallback, useEffect, useState } from 'react';
import { get, post, qs } from '../api/client.js';
import { localDateTime } from '../format.js';
import { useI18n } from '../i18n/i18n.js';
import { ErrorLine } from '../ui/ErrorLine.js';
import { useAction } from '../ui/useAsync.js';
import { MAIL_TEXTS, type MailKey } from './texts.js';

const STATUSES = ['queued', 'sending', 'sent', 'failed', 'not_sent'] as const;
type Status = (typeof STATUSES)[number];
const PAGE = 50;

interface Item {
  id: string; orderId: string | null; orderNumber: string | null; template: string; recipient: string; subject: string; status: Status;
  attempts: number; lastError: string | null; createdAt: string; sentAt: string | null; resendOf: string | null;
}
interface Detail extends Item { text: string; attachments: { kind: string; ticketIds: string[] }[] }
interface Outbox { items: Item[]; counts: Record<string, number>; smtp: { configured: boolean } }

export function OutboxScreen() {
  const { lang } = useI18n();
  const m = (k: MailKey | string) => MAIL_TEXTS[lang][k as MailKey] ?? k;
  const [status, setStatus] = useState<Status | ''>('');
  const [limit, setLimit] = useState(PAGE);
  const [box, setBox] = useState<Outbox | null>(null);
  const [open, setOpen] = useState<Detail | null>(null);
  const [resent, setResent] = useState(false);
  const load = useAction();
  const act = useAction();

  const reload = useCallback(() => load.run(async () => {
    setBox(await get<Outbox>(`/api/mail/outbox${qs({ status, limit })}`));
  }), [load.run, status, limit]);
  useEffect(() => { void reload(); }, [reload]);

  const show = (id: string) => act.run(async () => { setResent(false); setOpen(await get<Detail>(`/api/mail/outbox/${id}`)); });
  const resend = (id: string) => act.run(async () => {
    setOpen(await post<Detail>(`/api/mail/outbox/${id}/resend`));
    setResent(true);
    await reload();
  });
  const badge = (s: Status) => <span className={`badge mail-${s}`}>{m(`status.${s}`)}</span>;

  if (open) {
    return (
      <div className="outbox">
        <div className="row">
          <button onClick={() => setOpen(null)}>{m('back')}</button>
          <h2 className="grow">{open.subject}</h2>
          <button className="primary" disabled={act.busy} onClick={() => void resend(open.id)}>{m('resend')}</button>
        </div>
        <ErrorLine error={act.error} />
        {resent && <p className="notice" role="status">{m('resent')}</p>}
        <dl className="mail-meta">
          <dt>{m('to')}</dt><dd className="mail-to">{open.recipient}</dd>
          <dt>{m('status')}</dt><dd className="mail-status">{badge(open.status)}{open.lastError && <small> {m('lastError')}: {open.lastError}</small>}</dd>
          <dt>{m('when')}</dt><dd>{localDateTime(open.createdAt, lang)}</dd>
          {open.sentAt && <><dt>{m('sentAt')}</dt><dd>{localDateTime(open.sentAt, lang)}</dd></>}
          {open.orderNumber && <><dt>{m('order')}</dt><dd>{open.orderNumber}</dd></>}
        </dl>
        {open.attachments.length > 0 && <p><small>{m('attachment')}</small></p>}
        <pre className="mail-text">{open.text}</pre>
      </div>
    );
  }

  return (
    <div className="outbox">
      <div className="row">
        <h2 className="grow">{m('heading')}</h2>
        <select aria-label={m('status')} value={status} onChange={(e) => { setStatus(e.target.value as Status | ''); setLimit(PAGE); }}>
          <option value="">{m('all')}</option>
          {STATUSES.map((s) => <option key={s} value={s}>{m(`status.${s}`)} ({box?.counts[s] ?? 0})</option>)}
        </select>
      </div>
      {box && !box.smtp.configured && <p className="notice">{m('noSmtp')}</p>}
      <ErrorLine error={load.error ?? act.error} />
      {box && box.items.length === 0 && <p>{m('none')}</p>}
      {box && box.items.length > 0 && (
        <table className="data mail-list">
          <thead><tr><th>{m('when')}</th><th>{m('to')}</th><th>{m('subject')}</th><th>{m('kind')}</th><th>{m('order')}</th><th>{m('status')}</th><th /></tr></thead>
          <tbody>
            {box.items.map((x) => (
              <tr key={x.id} data-mail={x.id}>
                <td>{localDateTime(x.createdAt, lang)}</td><td>{x.recipient}</td><td>{x.subject}</td><td>{m(`template.${x.template}`)}</td>
                <td>{x.orderNumber ?? ''}</td><td>{badge(x.status)}</td>
                <td><button className="link" onClick={() => void show(x.id)}>{m('open')}</button></td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
      {box && box.items.length >= limit && <button onClick={() => setLimit(limit + PAGE)}>{m('more')}</button>}
    </div>
  );
}
