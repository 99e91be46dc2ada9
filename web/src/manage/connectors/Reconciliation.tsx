// One performance's UiTPAS sales: what UiTPAS registered next to what Foyer recorded, the
// differences highlighted (GET /api/uitpas/reconciliation).
import { useEffect, useState } from 'react';
import { get } from '../../api/client.js';
import { localDateTime } from '../../format.js';
import { ErrorLine } from '../../ui/ErrorLine.js';
import { useConnectorWords, type ConnectorWord } from './words.js';
import { useMoney } from '../../i18n/i18n.js';

interface Sale { saleId: string; uitpasNumber?: string | null; ticketId?: string | null; barcode?: string | null; tariffId?: string | null; foyerStatus?: string }
interface TariffDiff { saleId: string; ticketId: string | null; foyer: { tariffId: string | null; price: number | null }; uitpas: { tariffId: string; price: number | null } }
interface Answer {
  eventId: string; foyerTickets: number; uitpasSales: number; matched: number; inSync: boolean;
  missingAtUitpas: Sale[]; differentTariff: TariffDiff[]; notSoldInFoyer: Sale[]; awaitingPayment: Sale[]; unknownToFoyer: Sale[];
}

function Sales({ kind, sales }: { kind: ConnectorWord; sales: Sale[] }) {
  const { w } = useConnectorWords();
  if (!sales.length) return null;
  return (
    <div className={`difference ${kind === 'awaitingPayment' ? 'waiting' : 'differs'}`} data-difference={kind}>
      <h4>{w(kind)} ({sales.length})</h4>
      <table className="list">
        <thead><tr><th>{w('sale')}</th><th>{w('pass')}</th><th>{w('ticket')}</th><th>{w('tariff')}</th>{kind === 'notSoldInFoyer' && <th>{w('foyerStatus')}</th>}</tr></thead>
        <tbody>
          {sales.map((s) => (
            <tr key={s.saleId}><td><code>{s.saleId}</code></td><td>{s.uitpasNumber ?? ''}</td><td>{s.barcode ?? s.ticketId ?? ''}</td><td>{s.tariffId ?? ''}</td>
              {kind === 'notSoldInFoyer' && <td>{s.foyerStatus}</td>}</tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}

export function Reconciliation({ performance, onClose }: { performance: { id: string; title: string; startsAt: string; timeZone: string }; onClose(): void }) {
  const money = useMoney();
  const { w, lang } = useConnectorWords();
  const [answer, setAnswer] = useState<Answer | null>(null);
  const [error, setError] = useState<unknown>(null);
  useEffect(() => {
    setAnswer(null); setError(null);
    get<Answer>(`/api/uitpas/reconciliation?performance=${encodeURIComponent(performance.id)}`).then(setAnswer, setError);
  }, [performance]); // a new object each time "compare" is pressed: asked again
  const price = (c: number | null) => (c === null ? '' : money(c));
  return (
    <div className="reconciliation" role="region" aria-label={w('reconciliation')}>
      <div className="row"><h4 className="grow">{w('reconciliation')}: {performance.title}, {localDateTime(performance.startsAt, lang, performance.timeZone)}</h4>
        <button name="close-reconciliation" onClick={onClose}>{w('close')}</button></div>
      <ErrorLine error={error} />
      {answer && (
        <>
          <dl className="counts">
            <div><dt>{w('foyerTickets')}</dt><dd data-count="foyer">{answer.foyerTickets}</dd></div>
            <div><dt>{w('uitpasSales')}</dt><dd data-count="uitpas">{answer.uitpasSales}</dd></div>
            <div><dt>{w('matched')}</dt><dd data-count="matched">{answer.matched}</dd></div>
          </dl>
          <p className={answer.inSync ? 'answer ok' : 'answer refused'} data-in-sync={String(answer.inSync)}>{w(answer.inSync ? 'inSync' : 'outOfSync')}</p>
          <Sales kind="missingAtUitpas" sales={answer.missingAtUitpas} />
          {!!answer.differentTariff.length && (
            <div className="difference differs" data-difference="differentTariff">
              <h4>{w('differentTariff')} ({answer.differentTariff.length})</h4>
              <table className="list">
                <thead><tr><th>{w('sale')}</th><th>{w('foyer')}</th><th>{w('atUitpas')}</th></tr></thead>
                <tbody>{answer.differentTariff.map((d) => (
                  <tr key={d.saleId}><td><code>{d.saleId}</code></td><td>{d.foyer.tariffId} {price(d.foyer.price)}</td><td>{d.uitpas.tariffId} {price(d.uitpas.price)}</td></tr>
                ))}</tbody>
              </table>
            </div>
          )}
          <Sales kind="notSoldInFoyer" sales={answer.notSoldInFoyer} />
          <Sales kind="unknownToFoyer" sales={answer.unknownToFoyer} />
          <Sales kind="awaitingPayment" sales={answer.awaitingPayment} />
        </>
      )}
    </div>
  );
}
