import type { Agent } from '@aftercare/shared';
import { useCallback, useEffect, useMemo, useRef, useState } from 'preact/hooks';
import { CannedManager } from '../../components/CannedManager/index.js';
import { ConversationList } from '../../components/ConversationList/index.js';
import { ConversationView } from '../../components/ConversationView/index.js';
import { CustomerPanel } from '../../components/CustomerPanel/index.js';
import { ShortcutHelp } from '../../components/ShortcutHelp/index.js';
import { TeamPanel } from '../../components/TeamPanel/index.js';
import { TopBar } from '../../components/TopBar/index.js';
import type { AgentSocket } from '../../lib/agent-socket.js';
import { type Locale, useI18n } from '../../lib/i18n.js';
import type { BrowserAlerts } from '../../lib/notifications/browser-alerts.js';
import type { NotificationCenter } from '../../lib/notifications/notification-center.js';
import { createPreferences } from '../../lib/preferences.js';
import { createWorkspace, type Workspace } from '../../lib/workspace/create-workspace.js';
import { useAlertBadge, useNotificationCenter } from './use-notifications.js';
import { useShortcuts } from './use-shortcuts.js';
import './style.css';

export interface InboxScreenProps {
  agent: Agent;
  createSocket(): AgentSocket;
  /** Where the agent's status and notification choices are remembered (null: not at all). */
  storage: Storage | null;
  alerts: BrowserAlerts;
  onLocaleChange(locale: Locale): void;
  onSignOut(): void;
  onSessionEnded(): void;
  checkSession(): Promise<boolean | null>;
}

/**
 * The signed-in console: inbox on the left, the open conversation in the middle, the team (for
 * supervisors and admins) and the customer on the right. Owns one workspace (socket + store) and
 * one notification center for as long as it is mounted.
 */
export function InboxScreen(props: InboxScreenProps) {
  const [workspace, setWorkspace] = useState<Workspace | null>(null);
  const workspaceRef = useRef<Workspace | null>(null);
  const preferences = useMemo(() => createPreferences(props.storage, props.agent.id), [props.storage, props.agent.id]);
  const center = useNotificationCenter(props.alerts, preferences, workspaceRef);

  // One socket per mounted screen: the callbacks from App are stable, so this runs once.
  useEffect(() => {
    const created = createWorkspace({
      socket: props.createSocket(),
      agent: props.agent,
      preferences,
      onAlert: (alert) => center.handle(alert, created.store.get().active?.id ?? null),
      onUnauthorized: props.onSessionEnded,
      checkSession: props.checkSession,
    });
    workspaceRef.current = created;
    setWorkspace(created);
    return () => {
      workspaceRef.current = null;
      created.dispose();
    };
  }, []);

  if (!workspace) return null;
  return <InboxLayout {...props} workspace={workspace} center={center} />;
}

function InboxLayout({
  workspace,
  center,
  agent,
  alerts,
  onLocaleChange,
  onSignOut,
}: InboxScreenProps & { workspace: Workspace; center: NotificationCenter }) {
  const { t } = useI18n();
  const [helpOpen, setHelpOpen] = useState(false);
  const toggleHelp = useCallback(() => setHelpOpen((open) => !open), []);
  const closeHelp = useCallback(() => setHelpOpen(false), []);
  const [cannedOpen, setCannedOpen] = useState(false);
  const openCanned = useCallback(() => setCannedOpen(true), []);
  const closeCanned = useCallback(() => setCannedOpen(false), []);
  useShortcuts(workspace, helpOpen, toggleHelp);
  useAlertBadge(center, workspace, alerts);
  return (
    <div class="inbox-screen">
      <a class="skip-link" href="#conversation">
        {t('app.skipToConversation')}
      </a>
      <TopBar
        workspace={workspace}
        notifications={center}
        onShowShortcuts={toggleHelp}
        onShowCanned={openCanned}
        onLocaleChange={onLocaleChange}
        onSignOut={onSignOut}
      />
      <div class="inbox-screen__columns">
        <ConversationList workspace={workspace} />
        <ConversationView workspace={workspace} />
        <div class="inbox-screen__side">
          {agent.role !== 'agent' && <TeamPanel workspace={workspace} />}
          <CustomerPanel workspace={workspace} />
        </div>
      </div>
      <ShortcutHelp open={helpOpen} onClose={closeHelp} />
      <CannedManager workspace={workspace} open={cannedOpen} onClose={closeCanned} />
    </div>
  );
}
