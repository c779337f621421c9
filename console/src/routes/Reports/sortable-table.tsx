import type { ComponentChild } from 'preact';
import { useMemo, useState } from 'preact/hooks';
import { useI18n } from '../../lib/i18n.js';

/** One column: its heading, the value it sorts by, and how a cell shows. */
export interface Column<Row> {
  key: string;
  label: string;
  sortValue(row: Row): number | string | null;
  render(row: Row): ComponentChild;
  /** Numbers line up on the right. */
  numeric?: boolean;
}

export interface SortableTableProps<Row> {
  caption: string;
  columns: Column<Row>[];
  rows: Row[];
  rowKey(row: Row): string;
  /** Sorted by this column at first (descending for numbers, as reports rank). */
  initialSort: string;
}

type Direction = 'ascending' | 'descending';

/**
 * A table whose column headings are buttons that sort it (again to reverse), announced to screen
 * readers with `aria-sort`. Empty values sort last either way, so "no ratings" never tops a ranking.
 */
export function SortableTable<Row>({ caption, columns, rows, rowKey, initialSort }: SortableTableProps<Row>) {
  const { t, locale } = useI18n();
  const initialColumn = columns.find((column) => column.key === initialSort);
  const [sort, setSort] = useState<{ key: string; direction: Direction }>({
    key: initialSort,
    direction: initialColumn?.numeric ? 'descending' : 'ascending',
  });
  const sorted = useMemo(() => {
    const column = columns.find((candidate) => candidate.key === sort.key);
    if (!column) return rows;
    const sign = sort.direction === 'ascending' ? 1 : -1;
    return [...rows].sort((a, b) => {
      const left = column.sortValue(a);
      const right = column.sortValue(b);
      if (left === null || right === null) return left === right ? 0 : left === null ? 1 : -1;
      if (typeof left === 'number' && typeof right === 'number') return sign * (left - right);
      return sign * String(left).localeCompare(String(right), locale);
    });
  }, [rows, columns, sort, locale]);

  const toggle = (column: Column<Row>) =>
    setSort((current) =>
      current.key === column.key
        ? { key: column.key, direction: current.direction === 'ascending' ? 'descending' : 'ascending' }
        : { key: column.key, direction: column.numeric ? 'descending' : 'ascending' },
    );

  return (
    <table class="report-table">
      <caption class="sr-only">{caption}</caption>
      <thead>
        <tr>
          {columns.map((column) => (
            <th
              key={column.key}
              scope="col"
              class={column.numeric ? 'report-table__numeric' : undefined}
              aria-sort={sort.key === column.key ? sort.direction : undefined}
            >
              <button
                type="button"
                class="report-table__sort"
                title={t('reports.sortBy', { column: column.label })}
                onClick={() => toggle(column)}
              >
                {column.label}
                <span aria-hidden="true" class="report-table__arrow">
                  {sort.key === column.key ? (sort.direction === 'ascending' ? '▲' : '▼') : ''}
                </span>
              </button>
            </th>
          ))}
        </tr>
      </thead>
      <tbody>
        {sorted.map((row) => (
          <tr key={rowKey(row)}>
            {columns.map((column) => (
              <td key={column.key} class={column.numeric ? 'report-table__numeric' : undefined}>
                {column.render(row)}
              </td>
            ))}
          </tr>
        ))}
      </tbody>
    </table>
  );
}
