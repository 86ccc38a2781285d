import { useAuth } from '../../../app/auth.tsx';
import { useSegmentationT } from '../i18n.ts';
import { RunForm } from './run-form.tsx';
import { RunHistory } from './run-history.tsx';
import './segmentation.css';

/** The segmentation home: a new run (for those who may start one) above the history of runs. */
export function SegmentationPage() {
  const { t } = useSegmentationT();
  const { can } = useAuth();
  return (
    <div className="page seg-page">
      <div className="page__header">
        <h1>{t('title')}</h1>
      </div>
      {can('segmentation:create') && <RunForm />}
      <RunHistory />
    </div>
  );
}
