import {
  flexRender,
  getCoreRowModel,
  useReactTable,
  type ColumnDef,
  type RowSelectionState,
  type SortingState,
} from '@tanstack/react-table';
import type { KeyboardEvent, ReactNode } from 'react';

export interface ServerSort {
  id: string;
  desc: boolean;
}

interface DataTableProps<T> {
  columns: ColumnDef<T, any>[];
  data: T[];
  getRowId: (row: T) => string;
  /** Sorting is done by the server: clicking a sortable header calls this. */
  sort?: ServerSort;
  onSortChange?: (sort: ServerSort) => void;
  /** Enter on a focused row, or a click, opens it. */
  onOpen?: (row: T) => void;
  selection?: RowSelectionState;
  onSelectionChange?: (selection: RowSelectionState) => void;
  empty: ReactNode;
  label: string;
  testId?: string;
}

/**
 * The app's table: server-side sorting, optional row checkboxes, and keyboard navigation
 * (↑/↓ move between rows, Enter opens, Space ticks the row's checkbox).
 */
export function DataTable<T>({
  columns,
  data,
  getRowId,
  sort,
  onSortChange,
  onOpen,
  selection,
  onSelectionChange,
  empty,
  label,
  testId,
}: DataTableProps<T>) {
  const sorting: SortingState = sort ? [sort] : [];
  const table = useReactTable({
    data,
    columns,
    getRowId,
    getCoreRowModel: getCoreRowModel(),
    manualSorting: true,
    enableMultiSort: false,
    state: { sorting, rowSelection: selection ?? {} },
    enableRowSelection: !!onSelectionChange,
    onRowSelectionChange: (updater) =>
      onSelectionChange?.(typeof updater === 'function' ? updater(selection ?? {}) : updater),
  });

  function onRowKeyDown(e: KeyboardEvent<HTMLTableRowElement>, row: T, rowId: string) {
    const tr = e.currentTarget;
    if (e.target !== tr) return; // keys inside a cell's own control are the control's
    if (e.key === 'ArrowDown' || e.key === 'ArrowUp') {
      e.preventDefault();
      const next = e.key === 'ArrowDown' ? tr.nextElementSibling : tr.previousElementSibling;
      (next as HTMLElement | null)?.focus();
    } else if (e.key === 'Enter' && onOpen) {
      e.preventDefault();
      onOpen(row);
    } else if (e.key === ' ' && onSelectionChange) {
      e.preventDefault();
      onSelectionChange({ ...selection, [rowId]: !selection?.[rowId] });
    }
  }

  return (
    <div className="table-wrap">
      <table className="table" aria-label={label} data-testid={testId}>
        <thead>
          {table.getHeaderGroups().map((group) => (
            <tr key={group.id}>
              {group.headers.map((header) => {
                const sortable = header.column.columnDef.enableSorting === true && onSortChange;
                const direction = sort?.id === header.column.id ? (sort.desc ? 'descending' : 'ascending') : undefined;
                const content = flexRender(header.column.columnDef.header, header.getContext());
                return (
                  <th
                    key={header.id}
                    aria-sort={direction ?? (sortable ? 'none' : undefined)}
                    style={{ width: header.column.columnDef.size }}
                  >
                    {sortable ? (
                      <button
                        type="button"
                        className="table__sort"
                        onClick={() =>
                          onSortChange({
                            id: header.column.id,
                            desc: sort?.id === header.column.id ? !sort.desc : false,
                          })
                        }
                      >
                        {content}
                        <span aria-hidden="true" className="table__sort-mark">
                          {direction === 'ascending' ? '▲' : direction === 'descending' ? '▼' : '↕'}
                        </span>
                      </button>
                    ) : (
                      content
                    )}
                  </th>
                );
              })}
            </tr>
          ))}
        </thead>
        <tbody>
          {table.getRowModel().rows.map((row) => (
            <tr
              key={row.id}
              tabIndex={0}
              data-row-id={row.id}
              aria-selected={onSelectionChange ? row.getIsSelected() : undefined}
              className={onOpen ? 'table__row--link' : undefined}
              onKeyDown={(e) => onRowKeyDown(e, row.original, row.id)}
              onClick={(e) => {
                if (onOpen && !(e.target as HTMLElement).closest('a,button,input,label')) onOpen(row.original);
              }}
            >
              {row.getVisibleCells().map((cell) => (
                <td key={cell.id}>{flexRender(cell.column.columnDef.cell, cell.getContext())}</td>
              ))}
            </tr>
          ))}
        </tbody>
      </table>
      {data.length === 0 && <div className="table__empty">{empty}</div>}
    </div>
  );
}

/** Previous / next for keyset pages: the caller keeps the stack of cursors it came through. */
export function Pager({
  canPrevious,
  canNext,
  onPrevious,
  onNext,
  labels,
  info,
}: {
  canPrevious: boolean;
  canNext: boolean;
  onPrevious: () => void;
  onNext: () => void;
  labels: { previous: string; next: string };
  info?: ReactNode;
}) {
  return (
    <nav className="pager" aria-label="pagination">
      <span className="pager__info">{info}</span>
      <button type="button" className="button" disabled={!canPrevious} onClick={onPrevious}>
        ‹ {labels.previous}
      </button>
      <button type="button" className="button" disabled={!canNext} onClick={onNext}>
        {labels.next} ›
      </button>
    </nav>
  );
}
