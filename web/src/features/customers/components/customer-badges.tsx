import { useCustomersT } from '../i18n.ts';
import type { Customer } from '../api/customers-api.ts';

export function StatusBadge({ status }: { status: Customer['status'] }) {
  const { t } = useCustomersT();
  return <span className={`badge badge--${status}`}>{t(`status.${status}`)}</span>;
}

export function LevelBadge({ level }: { level: Customer['level'] }) {
  const { t } = useCustomersT();
  return <span className={`badge badge--${level}`}>{t(`level.${level}`)}</span>;
}

export function LifecycleBadge({ lifecycle }: { lifecycle: Customer['lifecycle'] }) {
  const { t } = useCustomersT();
  return <span className={`badge badge--${lifecycle}`}>{t(`lifecycle.${lifecycle}`)}</span>;
}
