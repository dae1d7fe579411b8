/**
 * Every elementwise activation in one table, sortable by any column: the properties (at PyTorch's
 * defaults, as the module states and its tests check) or the trade-offs. Read from the module.
 */
import React, { useMemo, useState, type ReactNode } from 'react';
import Link from '@docusaurus/Link';
import ClaimWithEvidence from '@site/src/components/EvidenceMarks';
import type { EvidenceContext } from '@site/src/lib/evidence';
import { activationIds, activations, formatNumber, type Activation, type Claim, type Properties } from '@site/src/lib/module';
import { functionPath } from '@site/src/lib/paths';
import styles from './styles.module.css';

type SortValue = number | string | readonly number[];

/** Numbers, strings, or tuples of numbers compared left to right; ∞ and −∞ compare as expected. */
function compare(a: SortValue, b: SortValue): number {
  if (Array.isArray(a) && Array.isArray(b)) {
    for (let i = 0; i < Math.min(a.length, b.length); i++) {
      const c = compare(a[i]!, b[i]!);
      if (c) return c;
    }
    return a.length - b.length;
  }
  if (typeof a === 'number' && typeof b === 'number') return a < b ? -1 : a > b ? 1 : 0;
  return String(a).localeCompare(String(b));
}

interface Column {
  readonly key: string;
  readonly title: string;
  readonly help?: string;
  readonly sort: (a: Activation, order: number) => SortValue;
  readonly cell: (a: Activation) => ReactNode;
}

const CONTINUITY_ORDER = ['discontinuous', 'C0', 'C1', 'C2', 'Cinf'] as const;
const CONTINUITY_TEXT: Record<Properties['continuity'], ReactNode> = {
  discontinuous: 'discontinuous',
  C0: (
    <>
      C<sup>0</sup> (kinks)
    </>
  ),
  C1: (
    <>
      C<sup>1</sup>
    </>
  ),
  C2: (
    <>
      C<sup>2</sup>
    </>
  ),
  Cinf: (
    <>
      C<sup>∞</sup> (smooth)
    </>
  ),
};

function bound(v: number): string {
  return v === Infinity ? '∞' : v === -Infinity ? '−∞' : formatNumber(v).replace('-', '−');
}

/** The range as an interval, from the numbers (not the LaTeX), e.g. [0, ∞). */
export function rangeText(r: Properties['range']): string {
  return `${r.minClosed ? '[' : '('}${bound(r.min)}, ${bound(r.max)}${r.maxClosed ? ']' : ')'}`;
}

function yesNo(v: boolean): string {
  return v ? 'yes' : 'no';
}

/** Claims, each followed by its evidence marks (what supports it, where to read or see it). */
function Claims({ items, fn, context }: { items: readonly Claim[]; fn: string; context: EvidenceContext }): ReactNode {
  return (
    <ul className={styles.list}>
      {items.map((claim) => (
        <li key={claim.text}>
          <ClaimWithEvidence claim={claim} fn={fn} context={context} />
        </li>
      ))}
    </ul>
  );
}

const nameColumn: Column = {
  key: 'name',
  title: 'Function',
  sort: (a) => a.name.toLowerCase(),
  cell: (a) => <Link to={functionPath(a.id)}>{a.name}</Link>,
};

const orderColumn: Column = {
  key: 'order',
  title: '#',
  help: 'Teaching order',
  sort: (_a, order) => order,
  cell: (a) => (activationIds as readonly string[]).indexOf(a.id) + 1,
};

const PROPERTY_COLUMNS: readonly Column[] = [
  orderColumn,
  nameColumn,
  {
    key: 'range',
    title: 'Range',
    sort: (a) => [a.properties.range.min, a.properties.range.max],
    cell: (a) => <span className={styles.nowrap}>{rangeText(a.properties.range)}</span>,
  },
  { key: 'monotonic', title: 'Monotonic', sort: (a) => Number(a.properties.monotonic), cell: (a) => yesNo(a.properties.monotonic) },
  {
    key: 'continuity',
    title: 'Smoothness',
    sort: (a) => CONTINUITY_ORDER.indexOf(a.properties.continuity),
    cell: (a) => CONTINUITY_TEXT[a.properties.continuity],
  },
  { key: 'zeroCentered', title: 'Zero-centred', sort: (a) => Number(a.properties.zeroCentered), cell: (a) => yesNo(a.properties.zeroCentered) },
  { key: 'f0', title: 'f(0)', sort: (a) => a.properties.f0, cell: (a) => formatNumber(a.properties.f0) },
  { key: 'df0', title: 'f′(0)', help: 'As PyTorch autograd returns it', sort: (a) => a.properties.df0, cell: (a) => formatNumber(a.properties.df0) },
  { key: 'identity', title: 'f(x) ≈ x near 0', sort: (a) => Number(a.properties.identityNearZero), cell: (a) => yesNo(a.properties.identityNearZero) },
  {
    key: 'kinks',
    title: 'Kinks',
    sort: (a) => a.properties.kinks.length,
    cell: (a) => (a.properties.kinks.length ? a.properties.kinks.map((k) => `x = ${bound(k.x)}`).join(', ') : 'none'),
  },
  {
    key: 'params',
    title: 'Parameters',
    sort: (a) => a.params.length,
    cell: (a) =>
      a.params.length
        ? a.params
            .map((p) => <code key={p.name}>{`${p.name}=${String(a.defaults[p.name])}`}</code>)
            .reduce<ReactNode[]>((acc, c, i) => (i ? [...acc, ' ', c] : [c]), [])
        : '–',
  },
];

function tradeOffColumns(context: EvidenceContext): readonly Column[] {
  return [
    orderColumn,
    nameColumn,
    {
      key: 'when',
      title: 'When to use',
      sort: (a) => a.tradeOffs.whenToUse.length,
      cell: (a) => <Claims items={a.tradeOffs.whenToUse} fn={a.id} context={context} />,
    },
    {
      key: 'advantages',
      title: 'Advantages',
      sort: (a) => a.tradeOffs.advantages.length,
      cell: (a) => <Claims items={a.tradeOffs.advantages} fn={a.id} context={context} />,
    },
    {
      key: 'disadvantages',
      title: 'Disadvantages',
      sort: (a) => a.tradeOffs.disadvantages.length,
      cell: (a) => <Claims items={a.tradeOffs.disadvantages} fn={a.id} context={context} />,
    },
  ];
}

export interface ComparisonTableProps {
  readonly view?: 'properties' | 'tradeOffs';
  /**
   * For the trade-offs view: the labels of the papers and experiments the claims' evidence cites
   * (computed by scripts/generate-docs.ts, so the page needs neither the references nor the
   * experiments' code).
   */
  readonly evidence?: EvidenceContext;
}

export default function ComparisonTable({ view = 'properties', evidence }: ComparisonTableProps): ReactNode {
  if (view === 'tradeOffs' && !evidence) throw new Error('ComparisonTable: the trade-offs view needs the evidence prop (scripts/generate-docs.ts passes it)');
  const columns = useMemo(() => (view === 'tradeOffs' ? tradeOffColumns(evidence!) : PROPERTY_COLUMNS), [view, evidence]);
  const [sort, setSort] = useState<{ key: string; descending: boolean }>({ key: 'order', descending: false });
  const rows = useMemo(() => {
    const column = columns.find((c) => c.key === sort.key) ?? orderColumn;
    const list = activationIds.map((id, order) => ({ a: activations[id]!, order }));
    list.sort((x, y) => {
      const a = column.sort(x.a, x.order);
      const b = column.sort(y.a, y.order);
      const c = compare(a, b);
      // Ties keep the teaching order, whatever the direction.
      return (sort.descending ? -c : c) || x.order - y.order;
    });
    return list;
  }, [columns, sort]);

  return (
    <div className={styles.wrapper}>
      <table className={styles.table} data-comparison={view}>
        <thead>
          <tr>
            {columns.map((c) => {
              const active = sort.key === c.key;
              return (
                <th key={c.key} scope="col" aria-sort={active ? (sort.descending ? 'descending' : 'ascending') : 'none'} title={c.help}>
                  <button
                    type="button"
                    className={styles.sortButton}
                    onClick={() => setSort((old) => ({ key: c.key, descending: old.key === c.key ? !old.descending : false }))}
                  >
                    {c.title}
                    <span aria-hidden="true" className={styles.arrow}>
                      {active ? (sort.descending ? '▼' : '▲') : '↕'}
                    </span>
                  </button>
                </th>
              );
            })}
          </tr>
        </thead>
        <tbody>
          {rows.map(({ a }) => (
            <tr key={a.id} data-id={a.id}>
              {columns.map((c) =>
                c.key === 'name' ? (
                  <th key={c.key} scope="row">
                    {c.cell(a)}
                  </th>
                ) : (
                  <td key={c.key}>{c.cell(a)}</td>
                ),
              )}
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
