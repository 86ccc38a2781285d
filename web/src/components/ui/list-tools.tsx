import { useId } from 'react';
import { useQuery } from '@tanstack/react-query';
import { get, withQuery } from '../../app/api-client.ts';
import { currentLanguage, registerTranslations } from '../../app/i18n.ts';
import './list-tools.css';

export const PAGE_SIZES = [20, 50, 100] as const;

const useListToolsT = registerTranslations('listTools', {
  'zh-CN': {
    total: '共 {{n}} 条',
    totalCapped: '超过 {{n}} 条',
    pageSize: '每页',
    rows: '{{n}} 条',
    exportXlsx: '导出 Excel',
    exportCsv: '导出 CSV',
  },
  en: {
    total: '{{n}} in total',
    totalCapped: 'More than {{n}}',
    pageSize: 'Per page',
    rows: '{{n}}',
    exportXlsx: 'Export Excel',
    exportCsv: 'Export CSV',
  },
});

type Filters = Record<string, string | number | undefined | null>;

/**
 * Above a list: its total for the current filters (counted by the server up to a cap), the page size, and
 * downloads of the whole filtered list as xlsx or CSV (masked as the user sees it; the server audits each).
 */
export function ListTools({
  path,
  filters,
  pageSize,
  onPageSize,
  canExport,
}: {
  /** The list's API path: `${path}/count` and `${path}/export` answer for the same filters. */
  path: string;
  filters: Filters;
  pageSize: number;
  onPageSize: (size: number) => void;
  canExport: boolean;
}) {
  const { t } = useListToolsT();
  const sizeId = useId();
  const count = useQuery({
    queryKey: ['list-count', path, filters],
    queryFn: () => get<{ total: number; capped: boolean }>(`${path}/count`, filters),
    retry: false,
  });
  const href = (format: 'xlsx' | 'csv') => withQuery(`${path}/export`, { ...filters, format, lang: currentLanguage() });
  const total = count.data;
  return (
    <div className="list-tools" data-testid="list-tools">
      <span className="list-tools__total" data-testid="list-total">
        {total && t(total.capped ? 'totalCapped' : 'total', { n: total.total.toLocaleString() })}
      </span>
      <label htmlFor={sizeId} className="list-tools__size">
        {t('pageSize')}
        <select id={sizeId} value={pageSize} onChange={(e) => onPageSize(Number(e.target.value))}>
          {PAGE_SIZES.map((n) => (
            <option key={n} value={n}>
              {t('rows', { n })}
            </option>
          ))}
        </select>
      </label>
      {canExport && (
        <>
          <a className="button" href={href('xlsx')} download>
            {t('exportXlsx')}
          </a>
          <a className="button" href={href('csv')} download>
            {t('exportCsv')}
          </a>
        </>
      )}
    </div>
  );
}
