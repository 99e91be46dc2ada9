import { apiBlob } from '../api/client.js';
import { useI18n } from '../i18n/i18n.js';
import { useAction } from '../ui/useAsync.js';
import { ErrorLine } from '../ui/ErrorLine.js';

/** CSV and Excel of the same report; fetched with the session's token, then saved through a temporary link. */
export function ExportButtons({ path, name }: { path: string; name: string }) {
  const { t } = useI18n();
  const { busy, error, run } = useAction();
  const download = (format: 'csv' | 'xlsx') => run(async () => {
    const blob = await apiBlob('GET', `${path}${path.includes('?') ? '&' : '?'}format=${format}`);
    const a = document.createElement('a');
    a.href = URL.createObjectURL(blob);
    a.download = `${name}.${format}`;
    a.click();
    setTimeout(() => URL.revokeObjectURL(a.href), 60_000);
  });
  return (
    <span className="exports">
      <button disabled={busy} onClick={() => void download('csv')}>{t('export')} CSV</button>
      <button disabled={busy} onClick={() => void download('xlsx')}>{t('export')} Excel</button>
      <ErrorLine error={error} />
    </span>
  );
}
