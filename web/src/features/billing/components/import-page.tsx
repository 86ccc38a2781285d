import { useState, type FormEvent } from 'react';
import { ApiError } from '../../../app/api-client.ts';
import { useAuth } from '../../../app/auth.tsx';
import { FormError, SelectField, TextField } from '../../../components/ui/fields.tsx';
import { useToast } from '../../../components/ui/toast.tsx';
import { uploadFile } from '../../../lib/upload-file.ts';
import {
  useSaveTemplate,
  useTemplates,
  type Encoding,
  type ImportKind,
  type ImportReport,
  type Preview,
} from '../api/billing-api.ts';
import { useBillingT } from '../i18n.ts';

/** A column is matched to a field when its header is the field's key or its label in either language. */
function guessMapping(
  header: string[],
  fields: Preview['fields'],
  labels: (key: string) => string[],
): Record<string, string> {
  const mapping: Record<string, string> = {};
  for (const f of fields) {
    const names = [f.key.toLowerCase(), ...labels(f.key).map((l) => l.toLowerCase())];
    const hit = header.find((h) => names.includes(h.toLowerCase()));
    if (hit) mapping[f.key] = hit;
  }
  return mapping;
}

/** The rows a header may be picked from (the server looks no further), and what the table shows for a choice. */
const HEADER_CHOICES = 20;
const PREVIEW_ROWS = 10;
function framed(preview: Preview, headerRow: number): { header: string[]; rows: string[][] } {
  return {
    header: (preview.top[headerRow - 1] ?? []).map((h) => h.trim()),
    rows: preview.top.slice(headerRow, headerRow + PREVIEW_ROWS),
  };
}

/** The preview needs only the first rows: of a CSV/TXT the browser sends only its start (an xlsx is a zip, sent whole). */
const PREVIEW_BYTES = 256 * 1024;
const isXlsx = (f: File) => /\.xlsx$/i.test(f.name);

/** Upload a billing-system file: preview its first rows, map its columns (or load a saved template), import, read the report. */
export function ImportPage() {
  const { t, i18n } = useBillingT();
  const { me, can } = useAuth();
  const toast = useToast();
  const [kind, setKind] = useState<ImportKind>('usage');
  const [encoding, setEncoding] = useState<Encoding>('auto');
  const [file, setFile] = useState<File | null>(null);
  const [preview, setPreview] = useState<Preview | null>(null);
  const [mapping, setMapping] = useState<Record<string, string>>({});
  const [headerRow, setHeaderRow] = useState(1);
  const [report, setReport] = useState<ImportReport | null>(null);
  const [busy, setBusy] = useState(false);
  const [progress, setProgress] = useState<{ sent: number; total: number } | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [fieldErrors, setFieldErrors] = useState<Record<string, string>>({});
  const [templateName, setTemplateName] = useState('');
  const templates = useTemplates(kind);
  const saveTemplate = useSaveTemplate();
  const lang = i18n.language;
  const labels = (key: string) => [
    i18n.getFixedT('zh-CN', 'billing')(`imports.field.${key}`),
    i18n.getFixedT('en', 'billing')(`imports.field.${key}`),
  ];

  async function loadPreview(f: File, enc: Encoding) {
    setError(null);
    setReport(null);
    setProgress(null);
    try {
      const p = await uploadFile<Preview>(
        `/api/imports/${kind}/preview`,
        isXlsx(f) ? f : f.slice(0, PREVIEW_BYTES),
        f.name,
        { encoding: enc },
        me.csrfToken,
        lang,
      );
      setPreview(p);
      setHeaderRow(p.headerRow);
      setMapping(guessMapping(p.header, p.fields, labels));
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
    try {
      setProgress({ sent: 0, total: file.size });
      setReport(
        await uploadFile<ImportReport>(
          `/api/imports/${kind}`,
          file,
          file.name,
          { mapping: JSON.stringify(mapping), encoding, headerRow: String(headerRow) },
          me.csrfToken,
          lang,
          (sent, total) => setProgress({ sent, total }),
        ),
      );
    } catch (err) {
      setError((err as Error).message);
      // An incomplete mapping is marked at each field that lacks its column.
      if (err instanceof ApiError) setFieldErrors(err.fields);
    } finally {
      setBusy(false);
    }
  }

  function pickHeaderRow(row: number) {
    if (!preview) return;
    setHeaderRow(row);
    setMapping(guessMapping(framed(preview, row).header, preview.fields, labels));
    setFieldErrors({});
  }

  const shown = preview ? framed(preview, headerRow) : null;

  function applyTemplate(id: string) {
    const tpl = templates.data?.items.find((x) => x.id === id);
    if (!tpl) return;
    setMapping(tpl.mapping);
    setEncoding(tpl.encoding);
    if (file) void loadPreview(file, tpl.encoding);
  }

  return (
    <div className="page">
      <div className="page__header">
        <h1>{t('imports.title')}</h1>
      </div>
      <section className="card">
        <div className="card__body">
          <form onSubmit={submit} aria-label={t('imports.title')}>
            <div className="form-grid">
              <SelectField
                label={t('imports.kind')}
                value={kind}
                onChange={(e) => {
                  setKind(e.target.value as ImportKind);
                  setPreview(null);
                  setReport(null);
                  setFile(null);
                }}
                options={[
                  { value: 'usage', label: t('imports.usage') },
                  { value: 'payments', label: t('imports.payments') },
                ]}
              />
              <SelectField
                label={t('imports.template')}
                value=""
                onChange={(e) => applyTemplate(e.target.value)}
                placeholder={t('imports.noTemplate')}
                options={(templates.data?.items ?? []).map((x) => ({ value: x.id, label: x.name }))}
              />
              <SelectField
                label={t('imports.encoding')}
                value={encoding}
                onChange={(e) => {
                  const enc = e.target.value as Encoding;
                  setEncoding(enc);
                  if (file) void loadPreview(file, enc);
                }}
                options={[
                  { value: 'auto', label: t('imports.auto') },
                  { value: 'utf-8', label: 'UTF-8' },
                  { value: 'gbk', label: 'GBK' },
                ]}
              />
              <TextField
                label={t('imports.file')}
                type="file"
                accept=".csv,.txt,.xlsx"
                onChange={(e) => {
                  const f = e.target.files?.[0] ?? null;
                  setFile(f);
                  if (f) void loadPreview(f, encoding);
                }}
              />
            </div>
            <p className="muted">{t('imports.hint')}</p>
            <FormError message={error} />
            {preview && shown && (
              <>
                <h3 style={{ margin: '16px 0 8px' }}>{t('imports.previewTitle', { encoding: preview.encoding })}</h3>
                <div className="form-grid">
                  <SelectField
                    label={t('imports.headerRow')}
                    value={String(headerRow)}
                    onChange={(e) => pickHeaderRow(Number(e.target.value))}
                    error={fieldErrors.headerRow}
                    options={preview.top.slice(0, HEADER_CHOICES).map((r, i) => ({
                      value: String(i + 1),
                      label: t('imports.headerRowOption', {
                        row: i + 1,
                        cells: r
                          .filter((c) => c.trim() !== '')
                          .join(' | ')
                          .slice(0, 60),
                      }),
                    }))}
                  />
                </div>
                {headerRow > 1 && <p className="muted">{t('imports.headerRowHint', { count: headerRow - 1 })}</p>}
                <div style={{ overflowX: 'auto' }}>
                  <table className="table" aria-label={t('imports.preview')} data-testid="import-preview">
                    <thead>
                      <tr>
                        {shown.header.map((h, i) => (
                          <th key={`${i}-${h}`}>{h}</th>
                        ))}
                      </tr>
                    </thead>
                    <tbody>
                      {shown.rows.map((r, i) => (
                        <tr key={i}>
                          {r.map((c, j) => (
                            <td key={j}>{c}</td>
                          ))}
                        </tr>
                      ))}
                    </tbody>
                  </table>
                </div>
                <h3 style={{ margin: '16px 0 8px' }}>{t('imports.mapping')}</h3>
                <div className="form-grid">
                  {preview.fields.map((f) => (
                    <SelectField
                      key={f.key}
                      label={`${t(`imports.field.${f.key}`)}${f.required ? ' *' : ''}`}
                      value={mapping[f.key] ?? ''}
                      onChange={(e) => setMapping({ ...mapping, [f.key]: e.target.value })}
                      placeholder={t('imports.none')}
                      error={fieldErrors[f.key]}
                      options={shown.header.filter((h) => h !== '').map((h) => ({ value: h, label: h }))}
                    />
                  ))}
                </div>
                <div className="form-actions">
                  <TextField
                    label={t('imports.templateName')}
                    value={templateName}
                    onChange={(e) => setTemplateName(e.target.value)}
                  />
                  <button
                    type="button"
                    className="button"
                    disabled={!templateName.trim() || saveTemplate.isPending}
                    onClick={() =>
                      saveTemplate.mutate(
                        { kind, name: templateName.trim(), mapping, encoding },
                        {
                          onSuccess: () => {
                            toast(t('imports.templateSaved'));
                            setTemplateName('');
                          },
                          onError: (e) => setError(e.message),
                        },
                      )
                    }
                  >
                    {t('imports.saveTemplate')}
                  </button>
                  <button type="submit" className="button button--primary" disabled={busy || !can('billing:import')}>
                    {busy ? t('imports.running') : t('imports.run')}
                  </button>
                </div>
                {progress && <UploadProgress {...progress} />}
              </>
            )}
          </form>
        </div>
      </section>
      {report && (
        <section className="card" style={{ marginTop: 16 }}>
          <div className="card__body" data-testid="import-report">
            <p role="status">
              <strong>{t('imports.done', { accepted: report.accepted, rejected: report.rejected })}</strong>
            </p>
            {report.previousBatches.length > 0 && (
              <p className="notice notice--info">
                {t('imports.again', { batches: report.previousBatches.join(', ') })}
              </p>
            )}
            {report.warnings.length > 0 && (
              <div className="notice notice--info" data-testid="import-warnings">
                <strong>{t('imports.warnings')}</strong>
                <ul style={{ margin: '4px 0 0' }}>
                  {report.warnings.map((w) => (
                    <li key={w.code}>
                      {w.message} — {t('imports.warningRows', { count: w.count, rows: w.rows.join(', ') })}
                    </li>
                  ))}
                </ul>
              </div>
            )}
            {report.errors.length > 0 && (
              <>
                <h3 style={{ margin: '12px 0 8px' }}>{t('imports.errors')}</h3>
                <table className="table" aria-label={t('imports.errors')} data-testid="import-errors">
                  <thead>
                    <tr>
                      <th>{t('imports.row')}</th>
                      <th>{t('imports.reason')}</th>
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
                  <p className="muted">{t('imports.more', { count: report.errors.length })}</p>
                )}
              </>
            )}
          </div>
        </section>
      )}
    </div>
  );
}

/** How much of the file has gone up; once all of it has, the server is still checking and loading the rows. */
function UploadProgress({ sent, total }: { sent: number; total: number }) {
  const { t } = useBillingT();
  const percent = total > 0 ? Math.floor((sent / total) * 100) : 0;
  const mb = (n: number) => (n / 1048576).toFixed(1);
  return (
    <div data-testid="import-progress" style={{ marginTop: 12 }}>
      <progress max={100} value={percent} aria-label={t('imports.progress')} style={{ width: '100%' }} />
      <p className="muted">
        {sent < total || total === 0
          ? t('imports.uploading', { percent, sent: mb(sent), total: mb(total) })
          : t('imports.processing', { total: mb(total) })}
      </p>
    </div>
  );
}
