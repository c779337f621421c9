import { useState } from 'preact/hooks';
import { useI18n } from '../../lib/i18n.js';
import { useStore } from '../../lib/store.js';
import type { Workspace } from '../../lib/workspace/create-workspace.js';
import type { WorkspaceState } from '../../lib/workspace/state.js';
import { SiteEditor } from './site-editor.js';

const selectSites = (state: WorkspaceState) => state.directory.sites;
const selectLoaded = (state: WorkspaceState) => state.directory.loaded.sites;

/** The shop's sites: a list to pick from (and "New site" for admins) beside the chosen site's form. */
export function SitesSection({ workspace, editable }: { workspace: Workspace; editable: boolean }) {
  const { t } = useI18n();
  const sites = useStore(workspace.store, selectSites);
  const loaded = useStore(workspace.store, selectLoaded);
  // `null`: a new site; undefined: the first one.
  const [chosen, setChosen] = useState<string | null | undefined>(undefined);
  const selectedId = chosen === undefined ? (sites[0]?.id ?? null) : chosen;
  const site = sites.find((item) => item.id === selectedId) ?? null;
  const creating = site === null;
  const [created, setCreated] = useState('');

  if (!loaded) return <p class="settings-form__muted">{t('settings.loading')}</p>;
  return (
    <div class="settings-split">
      <p class="settings-form__status" role="status">
        {created}
      </p>
      <div class="settings-split__list">
        <ul class="settings-list" aria-label={t('settings.site.list')}>
          {sites.map((item) => (
            <li key={item.id}>
              <button
                type="button"
                class="settings-list__item"
                aria-current={item.id === selectedId ? 'true' : undefined}
                data-site-key={item.key}
                onClick={() => {
                  setChosen(item.id);
                  setCreated('');
                }}
              >
                <span class="settings-list__name">{item.name}</span>
                <span class="settings-list__detail">{item.key}</span>
              </button>
            </li>
          ))}
        </ul>
        {sites.length === 0 && <p class="settings-form__muted">{t('settings.site.none')}</p>}
        {editable && (
          <button type="button" class="button" aria-pressed={creating} onClick={() => setChosen(null)}>
            {t('settings.site.add')}
          </button>
        )}
      </div>
      {(!creating || editable) && (
        <SiteEditor
          key={site?.id ?? 'new'}
          workspace={workspace}
          site={site}
          editable={editable}
          onCreated={(stored) => {
            setChosen(stored.id);
            setCreated(t('settings.site.created', { name: stored.name }));
          }}
        />
      )}
    </div>
  );
}
