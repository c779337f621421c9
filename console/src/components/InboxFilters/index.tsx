import { useEffect, useState } from 'preact/hooks';
import { useI18n } from '../../lib/i18n.js';
import { useStore } from '../../lib/store.js';
import type { Workspace } from '../../lib/workspace/create-workspace.js';
import {
  filtersToQuery,
  hasFilters,
  type InboxFilters,
  NO_FILTERS,
  UNASSIGNED,
} from '../../lib/workspace/inbox-filters.js';
import type { WorkspaceState } from '../../lib/workspace/state.js';
import './style.css';

const selectFilters = (state: WorkspaceState) => state.filters;
const selectSites = (state: WorkspaceState) => state.directory.sites;
const selectNames = (state: WorkspaceState) => state.agentNames;

/** How long the product field waits after the last key before filtering. */
const TYPING_PAUSE_MS = 300;

/**
 * The filter bar above the inbox: site, agent (or unassigned) and product. Plain form controls,
 * so it is keyboard operable as is; the choices are written into the address bar's query, so a
 * reload or a shared link keeps them.
 */
export function InboxFilterBar({ workspace }: { workspace: Workspace }) {
  const { t } = useI18n();
  const filters = useStore(workspace.store, selectFilters);
  const sites = useStore(workspace.store, selectSites);
  const names = useStore(workspace.store, selectNames);
  const [product, setProduct] = useState(filters.product);

  useEffect(() => {
    const query = filtersToQuery(filters, location.search);
    if (query !== location.search)
      history.replaceState(history.state, '', `${location.pathname}${query}${location.hash}`);
  }, [filters]);

  // The product filter follows typing after a short pause, not on every key.
  useEffect(() => {
    if (product === filters.product) return;
    const timer = setTimeout(() => workspace.setFilters({ ...filters, product }), TYPING_PAUSE_MS);
    return () => clearTimeout(timer);
  }, [product, filters, workspace]);

  const change = (patch: Partial<InboxFilters>) => workspace.setFilters({ ...filters, ...patch });
  const agents = Object.entries(names).sort(([, a], [, b]) => a.localeCompare(b));

  return (
    <fieldset class="inbox-filters">
      <legend class="sr-only">{t('filters.label')}</legend>
      {sites.length > 1 && (
        <label class="inbox-filters__field">
          <span class="inbox-filters__label">{t('filters.site')}</span>
          <select
            id="inbox-filter-site"
            value={filters.siteId ?? ''}
            onChange={(event) => change({ siteId: event.currentTarget.value || null })}
          >
            <option value="">{t('filters.anySite')}</option>
            {sites.map((site) => (
              <option key={site.id} value={site.id}>
                {site.name}
              </option>
            ))}
          </select>
        </label>
      )}
      <label class="inbox-filters__field">
        <span class="inbox-filters__label">{t('filters.agent')}</span>
        <select
          id="inbox-filter-agent"
          value={filters.assignee ?? ''}
          onChange={(event) => change({ assignee: event.currentTarget.value || null })}
        >
          <option value="">{t('filters.anyAgent')}</option>
          <option value={UNASSIGNED}>{t('filters.unassigned')}</option>
          {agents.map(([id, name]) => (
            <option key={id} value={id}>
              {name}
            </option>
          ))}
        </select>
      </label>
      <label class="inbox-filters__field">
        <span class="inbox-filters__label">{t('filters.product')}</span>
        <input
          id="inbox-filter-product"
          type="search"
          value={product}
          placeholder={t('filters.productPlaceholder')}
          maxLength={300}
          onInput={(event) => setProduct(event.currentTarget.value)}
          onKeyDown={(event) => {
            if (event.key === 'Enter') workspace.setFilters({ ...filters, product });
          }}
        />
      </label>
      {hasFilters(filters) && (
        <button
          type="button"
          class="button button--small inbox-filters__clear"
          onClick={() => {
            setProduct('');
            workspace.setFilters(NO_FILTERS);
          }}
        >
          {t('filters.clear')}
        </button>
      )}
    </fieldset>
  );
}
