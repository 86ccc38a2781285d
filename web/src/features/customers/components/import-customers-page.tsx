import { useState, type FormEvent } from 'react';
import { ApiError } from '../../../app/api-client.ts';
import { useAuth } from '../../../app/auth.tsx';
import { FormError, SelectField, TextField } from '../../../components/ui/fields.tsx';
import { uploadFile } from '../../../lib/upload-file.ts';
import {
  IMPORT_PATH,
  PREVIEW_PATH,
  type CustomerImportReport,
  type Encoding,
  type ImportPreview,
} from '../api/customer-import-api.ts';
import { useCustomerImportT } from '../import-i18n.ts';

/** The preview needs only the first rows: of a CSV/TXT the browser sends only its start (an xlsx is a zip, sent whole). */
const PREVIEW_BYTES = 256 * 1024;
const isXlsx = (f: File) => /\.xlsx$/i.test(f.name);

/** Upload a customer file (a branch moving its customers in): preview, map the columns, import, read the row report. */
export function ImportCustomersPage() {
  const { t, i18n } = useCustomerImportT();
  const { me } = useAuth();
  const [encoding, setEncoding] = useState<Encoding>('auto');
  const [file, setFile] = useState<File | null>(null);
  const [preview, setPreview] = useState<ImportPreview | null>(null);
  const [mapping, setMapping] = useState<Record<string, string>>({});
  const [goodRowsOnly, setGoodRowsOnly] = useState(false);
  const [report, setReport] = useState<CustomerImportReport | null>(null);
  const [busy, setBusy] = useState(false);
  const [progress, setProgress] = useState<{ sent: number; total: number } | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [fieldErrors, setFieldErrors] = useState<Record<string, string>>({});
  const lang = i18n.language;

  /** A column is matched to a field when its header is the field's key or its label in either language. */
  function guessMapping(p: ImportPreview): Record<string, string> {
    const guessed: Record<string, string> = {};
    for (const f of p.fields) {
      const names = [f.key, ...['zh-CN', 'en'].map((l) => i18n.getFixedT(l, 'customerImport')(`field.${f.key}`))];
      const hit = p.header.find((h) => names.some((n) => n.toLowerCase() === h.toLowerCase() || n.includes(h)));
      if (hit) guessed[f.key] = hit;
    }
    return guessed;
  }

  async function loadPreview(f: File, enc: Encoding) {
    setError(null);
    setReport(null);
    setProgress(null);
    try {
      const body = isXlsx(f) ? f : f.slice(0, PREVIEW_BYTES);
      const p = await uploadFile<ImportPreview>(PREVIEW_PATH, body, f.name, { encoding: enc }, me.csrfToken, lang);
      setPreview(p);
      setMapping(guessMapping(p));
    } catch (e) {
      setPreview(null);
      setError((e as Error).message);
    }
  }

  async function submit(e: FormEvent) {
    e.preventDefault();
    if (!file) return;
    setBusy(true);
    setError(null);
    setFieldErrors({});
    setReport(null);
    try {
      setProgress({ sent: 0, total: file.size });
      const fields = { mapping: JSON.stringify(mapping), encoding, goodRowsOnly: String(goodRowsOnly) };
      setReport(
        await uploadFile<CustomerImportReport>(
          IMPORT_PATH,
          file,
          file.name,
          fields,
          me.csrfToken,
          lang,
          (sent, total) => setProgress({ sent, total }),
        ),
      );
    } catch (err) {
      setError((err as Error).message);
      if (err instanceof ApiError) setFieldErrors(err.fields);
    } finally {
      setBusy(false);
      // The report (or the error) says how it ended; the progress bar has done its job.
      setProgress(null);
    }
  }

  const percent = progress && progress.total > 0 ? Math.floor((progress.sent / progress.total) * 100) : 0;
  const mb = (n: number) => (n / 1048576).toFixed(1);
  return (
    <div className="page">
      <div className="page__header">
        <h1>{t('title')}</h1>
      </div>
      <section className="card">
        <div className="card__body">
          <form onSubmit={submit} aria-label={t('title')}>
            <div className="form-grid">
              <SelectField
                label={t('encoding')}
                value={encoding}
                onChange={(e) => {
                  const enc = e.target.value as Encoding;
                  setEncoding(enc);
                  if (file) void loadPreview(file, enc);
                }}
                options={[
                  { value: 'auto', label: t('auto') },
                  { value: 'utf-8', label: 'UTF-8' },
                  { value: 'gbk', label: 'GBK' },
                ]}
              />
              <TextField
                label={t('file')}
                type="file"
                accept=".csv,.txt,.xlsx"
                onChange={(e) => {
                  const f = e.target.files?.[0] ?? null;
                  setFile(f);
                  if (f) void loadPreview(f, encoding);
                }}
              />
            </div>
            <p className="muted">{t('hint')}</p>
            <FormError message={error} />
            {preview && (
              <>
                <h3 style={{ margin: '16px 0 8px' }}>{t('previewTitle', { encoding: preview.encoding })}</h3>
                <div style={{ overflowX: 'auto' }}>
                  <table className="table" aria-label={t('preview')} data-testid="import-preview">
                    <thead>
                      <tr>
                        {preview.header.map((h) => (
                          <th key={h}>{h}</th>
                        ))}
                      </tr>
                    </thead>
                    <tbody>
                      {preview.rows.map((r, i) => (
                        <tr key={i}>
                          {r.map((c, j) => (
                            <td key={j}>{c}</td>
                          ))}
                        </tr>
                      ))}
                    </tbody>
                  </table>
                </div>
                <h3 style={{ margin: '16px 0 8px' }}>{t('mapping')}</h3>
                <div className="form-grid">
                  {preview.fields.map((f) => (
                    <SelectField
                      key={f.key}
                      label={`${t(`field.${f.key}`)}${f.required ? ' *' : ''}`}
                      value={mapping[f.key] ?? ''}
                      onChange={(e) => setMapping({ ...mapping, [f.key]: e.target.value })}
                      placeholder={t('none')}
                      error={fieldErrors[f.key]}
                      options={preview.header.map((h) => ({ value: h, label: h }))}
                    />
                  ))}
                </div>
                <label className="checkbox" style={{ display: 'block', margin: '12px 0' }}>
                  <input type="checkbox" checked={goodRowsOnly} onChange={(e) => setGoodRowsOnly(e.target.checked)} />{' '}
                  {t('goodRowsOnly')}
                </label>
                <div className="form-actions">
                  <button type="submit" className="button button--primary" disabled={busy}>
                    {busy ? t('running') : t('run')}
                  </button>
                </div>
                {progress && (
                  <div data-testid="import-progress" style={{ marginTop: 12 }}>
                    <progress max={100} value={percent} aria-label={t('progress')} style={{ width: '100%' }} />
                    <p className="muted">
                      {progress.sent < progress.total || progress.total === 0
                        ? t('uploading', { percent, sent: mb(progress.sent), total: mb(progress.total) })
                        : t('processing', { total: mb(progress.total) })}
                    </p>
                  </div>
                )}
              </>
            )}
          </form>
        </div>
      </section>
      {report && <ImportReport report={report} />}
    </div>
  );
}

function ImportReport({ report }: { report: CustomerImportReport }) {
  const { t } = useCustomerImportT();
  return (
    <section className="card" style={{ marginTop: 16 }}>
      <div className="card__body" data-testid="import-report">
        <p role="status" className={report.status === 'rejected' ? 'notice notice--warning' : undefined}>
          <strong>
            {report.status === 'imported'
              ? t('imported', { imported: report.imported, total: report.totalRows })
              : report.status === 'rejected'
                ? t('rejected', { rejected: report.rejected })
                : t('alreadyImported', { batchId: report.batchId, imported: report.imported })}
          </strong>
        </p>
        {report.errors.length > 0 && (
          <>
            <h3 style={{ margin: '12px 0 8px' }}>{t('errors')}</h3>
            <table className="table" aria-label={t('errors')} data-testid="import-errors">
              <thead>
                <tr>
                  <th>{t('row')}</th>
                  <th>{t('reason')}</th>
                </tr>
              </thead>
              <tbody>
                {report.errors.map((e) => (
                  <tr key={e.row}>
                    <td className="mono">{e.row}</td>
                    <td>{e.message}</td>
                  </tr>
                ))}
              </tbody>
            </table>
            {report.rejected > report.errors.length && (
              <p className="muted">{t('more', { count: report.errors.length })}</p>
            )}
          </>
        )}
      </div>
    </section>
  );
}
