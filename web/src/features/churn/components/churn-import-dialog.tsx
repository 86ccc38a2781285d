import { useState } from 'react';
import { ApiError } from '../../../app/api-client.ts';
import { useAppT } from '../../../app/app-i18n.ts';
import { Dialog } from '../../../components/ui/dialog.tsx';
import { FormError } from '../../../components/ui/fields.tsx';
import { useToast } from '../../../components/ui/toast.tsx';
import { useImportChurn, type ImportReport } from '../api/churn-api.ts';
import { useChurnT } from '../i18n.ts';
import './churn.css';

async function toBase64(file: File): Promise<string> {
  const bytes = new Uint8Array(await file.arrayBuffer());
  let binary = '';
  for (let i = 0; i < bytes.length; i += 0x8000) binary += String.fromCharCode(...bytes.subarray(i, i + 0x8000));
  return btoa(binary);
}

/** Choose a file, see every row checked (preview), then import it all — or, while any row is wrong, nothing. */
export function ChurnImportDialog({ onClose }: { onClose: () => void }) {
  const { t } = useChurnT();
  const app = useAppT();
  const toast = useToast();
  const [file, setFile] = useState<{ name: string; content: string }>();
  const [report, setReport] = useState<ImportReport>();
  const run = useImportChurn();
  const error = run.error instanceof ApiError ? run.error : null;

  async function choose(f: File | undefined) {
    setReport(undefined);
    run.reset();
    if (!f) return setFile(undefined);
    const chosen = { name: f.name, content: await toBase64(f) };
    setFile(chosen);
    run.mutate({ fileName: chosen.name, content: chosen.content, dryRun: true }, { onSuccess: setReport });
  }
  function apply() {
    if (!file) return;
    run.mutate(
      { fileName: file.name, content: file.content, dryRun: false },
      {
        onSuccess: (done) => {
          toast(t('importer.done', { count: done.imported }));
          onClose();
        },
        onError: (err) => {
          if (err instanceof ApiError && err.details.report) setReport(err.details.report as ImportReport);
        },
      },
    );
  }

  return (
    <Dialog title={t('importer.title')} onClose={onClose} wide>
      <div className="form-stack">
        <div className="field">
          <label htmlFor="churn-import-file">{t('importer.file')}</label>
          <input
            id="churn-import-file"
            type="file"
            accept=".csv,.txt,.xlsx"
            onChange={(e) => void choose(e.target.files?.[0])}
          />
          <div className="field__hint">{t('importer.hint')}</div>
        </div>
        <FormError message={error?.code === 'IMPORT_HAS_ERRORS' ? t('importer.fixFirst') : error?.message} />
        {report && (
          <>
            <p role="status">
              {t('importer.summary', { total: report.total, valid: report.valid, invalid: report.invalid })}
            </p>
            <div className="table-wrap" style={{ maxHeight: 320 }}>
              <table className="table" aria-label={t('importer.preview')}>
                <thead>
                  <tr>
                    <th>{t('importer.column.row')}</th>
                    <th>{t('importer.column.customerNo')}</th>
                    <th>{t('importer.column.churnedOn')}</th>
                    <th>{t('importer.column.reason')}</th>
                    <th>{t('importer.column.problems')}</th>
                  </tr>
                </thead>
                <tbody>
                  {report.rows.map((r) => (
                    <tr key={r.row} className={r.errors.length ? 'row--invalid' : undefined}>
                      <td className="mono">{r.row}</td>
                      <td className="mono">{r.customerNo}</td>
                      <td className="mono">{r.churnedOn}</td>
                      <td>{r.reasonCategory}</td>
                      <td>
                        {r.errors.length ? (
                          <span className="field__error">{r.errors.join('；')}</span>
                        ) : (
                          <span className="muted">{t('importer.ok')}</span>
                        )}
                      </td>
                    </tr>
                  ))}
                </tbody>
              </table>
            </div>
          </>
        )}
        <div className="form-actions">
          <button type="button" className="button" onClick={onClose}>
            {app.t('common.cancel')}
          </button>
          <button
            type="button"
            className="button button--primary"
            disabled={!report || report.invalid > 0 || run.isPending}
            onClick={apply}
          >
            {t('importer.apply')}
          </button>
        </div>
      </div>
    </Dialog>
  );
}
