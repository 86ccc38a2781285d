import { useAuth } from '../../../app/auth.tsx';
import { useSegmentationExportT } from '../export-i18n.ts';

/** Download links for a finished run: profiles and each customer's segment, as xlsx or CSV, in the UI's language. */
export function RunExports({ runId }: { runId: string }) {
  const { t, i18n } = useSegmentationExportT();
  const { can } = useAuth();
  if (!can('segmentation:export')) return null;
  const href = (what: string, format: string) =>
    `/api/segmentation/runs/${runId}/export?what=${what}&format=${format}&lang=${encodeURIComponent(i18n.language)}`;
  return (
    <p className="seg-actions" data-testid="segmentation-exports">
      <span className="muted">{t('title')}：</span>
      {(['profiles', 'assignments'] as const).map((what) =>
        (['xlsx', 'csv'] as const).map((format) => (
          <a key={`${what}-${format}`} className="button button--small" href={href(what, format)} download>
            {t(what)} ({format.toUpperCase()})
          </a>
        )),
      )}
    </p>
  );
}
