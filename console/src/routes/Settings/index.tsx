import { useEffect, useRef } from 'preact/hooks';
import { useI18n } from '../../lib/i18n.js';
import { useStore } from '../../lib/store.js';
import type { Workspace } from '../../lib/workspace/create-workspace.js';
import type { WorkspaceState } from '../../lib/workspace/state.js';
import { AgentsSection } from './agents-section.js';
import { ProfileSection } from './profile-section.js';
import { RepliesSection } from './replies-section.js';
import { routeHash, type SettingsSection, sectionsFor } from './settings-route.js';
import { SitesSection } from './sites-section.js';
import { TeamsSection } from './teams-section.js';
import './style.css';

export interface SettingsScreenProps {
  workspace: Workspace;
  /** The section in the address bar; null (or one the role may not see) shows the role's first. */
  section: SettingsSection | null;
  /** Opens the saved-replies dialog. */
  onManageReplies(): void;
}

const selectAgent = (state: WorkspaceState) => state.agent;

/**
 * The settings area: a list of sections (links, so back/forward and bookmarks work) and the
 * chosen one. What a role may not change is shown read-only or not at all; the server refuses
 * it anyway.
 */
export function SettingsScreen({ workspace, section, onManageReplies }: SettingsScreenProps) {
  const { t } = useI18n();
  const me = useStore(workspace.store, selectAgent);
  const heading = useRef<HTMLHeadingElement>(null);
  const allowed = sectionsFor(me?.role ?? 'agent');
  const current = section && allowed.includes(section) ? section : allowed[0]!;
  const admin = me?.role === 'admin';

  // Moving between sections moves focus to the new heading, as a page change would.
  useEffect(() => heading.current?.focus(), [current]);

  return (
    <div class="settings-screen">
      <nav class="settings-screen__nav" aria-label={t('settings.title')}>
        <ul>
          {allowed.map((item) => (
            <li key={item}>
              <a
                class="settings-screen__link"
                href={routeHash({ screen: 'settings', section: item })}
                aria-current={item === current ? 'page' : undefined}
              >
                {t(`settings.section.${item}`)}
              </a>
            </li>
          ))}
        </ul>
      </nav>
      <main id="settings-main" class="settings-screen__main" aria-labelledby="settings-heading">
        <h1 id="settings-heading" class="settings-screen__heading" tabIndex={-1} ref={heading}>
          {t(`settings.section.${current}`)}
        </h1>
        {current === 'sites' && <SitesSection workspace={workspace} editable={admin} />}
        {current === 'agents' && <AgentsSection workspace={workspace} editable={admin} />}
        {current === 'teams' && <TeamsSection workspace={workspace} editable={admin} />}
        {current === 'replies' && <RepliesSection workspace={workspace} onManage={onManageReplies} />}
        {current === 'profile' && <ProfileSection workspace={workspace} />}
      </main>
    </div>
  );
}
