import type { Agent } from '@aftercare/shared';
import { useCallback, useEffect, useMemo, useRef, useState } from 'preact/hooks';
import { CannedManager } from '../../components/CannedManager/index.js';
import { ConversationList } from '../../components/ConversationList/index.js';
import { ConversationView } from '../../components/ConversationView/index.js';
import { CustomerPanel } from '../../components/CustomerPanel/index.js';
import { LowRatingAlerts } from '../../components/LowRatingAlerts/index.js';
import { ShortcutHelp } from '../../components/ShortcutHelp/index.js';
import { TeamPanel } from '../../components/TeamPanel/index.js';
import { TopBar } from '../../components/TopBar/index.js';
import type { AgentSocket } from '../../lib/agent-socket.js';
import { type Locale, useI18n } from '../../lib/i18n.js';
import type { BrowserAlerts } from '../../lib/notifications/browser-alerts.js';
import type { NotificationCenter } from '../../lib/notifications/notification-center.js';
import { createPreferences } from '../../lib/preferences.js';
import { createTicketBoard } from '../../lib/tickets/ticket-board.js';
import { TicketBoardContext } from '../../lib/tickets/ticket-board-context.js';
import { createWorkspace, type Workspace } from '../../lib/workspace/create-workspace.js';
import { createDraftStorage } from '../../lib/workspace/draft-storage.js';
import { filtersFromQuery } from '../../lib/workspace/inbox-filters.js';
import { createOutboxStorage } from '../../lib/workspace/outbox-storage.js';
import { FollowUpsScreen } from '../FollowUps/index.js';
import { ReportsRoute } from '../Reports/lazy.js';
import { SettingsScreen } from '../Settings/index.js';
import { useConsoleRoute } from '../Settings/settings-route.js';
import { TicketsScreen } from '../Tickets/index.js';
import { SignOutDialog, useSignOut } from './sign-out.js';
import { useAlertBadge, useNotificationCenter } from './use-notifications.js';
import { useShortcuts } from './use-shortcuts.js';
import './style.css';

export interface InboxScreenProps {
  agent: Agent;
  createSocket(): AgentSocket;
  /** Where the agent's status and notification choices are remembered (null: not at all). */
  storage: Storage | null;
  /** Where this tab keeps the agent's unacknowledged replies and drafts (`outbox-storage.ts`, `draft-storage.ts`). */
  tabStorage: Storage | null;
  alerts: BrowserAlerts;
  onLocaleChange(locale: Locale): void;
  /** Asks the server to end the session; false when it could not (the agent is still signed in). */
  endSession(): Promise<boolean>;
  /** The agent signed out (the screen has discarded the tab's unsent work first, see `sign-out.tsx`). */
  onSignedOut(): void;
  /** The session ended; `conversationId` is the one open then (reopened after signing in again). */
  onSessionEnded(conversationId: string | null): void;
  checkSession(): Promise<boolean | null>;
  /** Open this conversation at start: the one that was open when the previous session ended. */
  resumeConversationId?: string | null;
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
      outbox: createOutboxStorage(props.tabStorage, props.agent.id),
      drafts: createDraftStorage(props.tabStorage, props.agent.id),
      // A reload or a shared link keeps the filter bar's choices (see `InboxFilterBar`).
      filters: filtersFromQuery(location.search),
      onAlert: (alert) => center.handle(alert, created.store.get().active?.id ?? null),
      onUnauthorized: () => props.onSessionEnded(created.store.get().active?.id ?? null),
      checkSession: props.checkSession,
    });
    workspaceRef.current = created;
    // Caught up from storage like any open: `conversation:open`, then sync by sequence on each connect.
    if (props.resumeConversationId) created.openConversation(props.resumeConversationId);
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
  endSession,
  onSignedOut,
}: InboxScreenProps & { workspace: Workspace; center: NotificationCenter }) {
  const { t } = useI18n();
  const [helpOpen, setHelpOpen] = useState(false);
  const toggleHelp = useCallback(() => setHelpOpen((open) => !open), []);
  const closeHelp = useCallback(() => setHelpOpen(false), []);
  const [cannedOpen, setCannedOpen] = useState(false);
  const openCanned = useCallback(() => setCannedOpen(true), []);
  const closeCanned = useCallback(() => setCannedOpen(false), []);
  const route = useConsoleRoute();
  const signOut = useSignOut(workspace, endSession, onSignedOut);
  // In settings the inbox's shortcuts (j, k, r, e) would act on a list that is not shown; only `?` stays.
  // (Behind a modal dialog, such as the sign-out confirmation, none works: see `useShortcuts`.)
  useShortcuts(workspace, helpOpen || route.screen !== 'inbox', toggleHelp);
  useAlertBadge(center, workspace, alerts);
  const board = useMemo(
    () => createTicketBoard(workspace.socket, () => workspace.store.get().agent?.id ?? ''),
    [workspace],
  );
  useEffect(() => () => board.dispose(), [board]);
  return (
    <TicketBoardContext.Provider value={board}>
      <div class="inbox-screen">
        {route.screen === 'reports' ? (
          <a class="skip-link" href="#reports-main">
            {t('reports.skipToMain')}
          </a>
        ) : route.screen === 'tickets' ? (
          <a class="skip-link" href="#tickets-main">
            {t('tickets.skipToMain')}
          </a>
        ) : route.screen === 'follow-ups' ? (
          <a class="skip-link" href="#follow-ups-main">
            {t('followUps.skipToMain')}
          </a>
        ) : (
          <a class="skip-link" href={route.screen === 'settings' ? '#settings-main' : '#conversation'}>
            {route.screen === 'settings' ? t('settings.skipToMain') : t('app.skipToConversation')}
          </a>
        )}
        <TopBar
          workspace={workspace}
          notifications={center}
          onShowShortcuts={toggleHelp}
          onShowCanned={openCanned}
          onLocaleChange={onLocaleChange}
          onSignOut={signOut.request}
          signOutState={signOut.state}
          route={route}
        />
        {route.screen === 'reports' ? (
          <ReportsRoute workspace={workspace} />
        ) : route.screen === 'tickets' ? (
          <TicketsScreen workspace={workspace} ticketId={route.ticketId} />
        ) : route.screen === 'follow-ups' ? (
          <FollowUpsScreen workspace={workspace} />
        ) : route.screen === 'settings' ? (
          <SettingsScreen workspace={workspace} section={route.section} onManageReplies={openCanned} />
        ) : (
          <div class="inbox-screen__columns">
            <ConversationList workspace={workspace} />
            <ConversationView workspace={workspace} />
            <div class="inbox-screen__side">
              {agent.role !== 'agent' && <TeamPanel workspace={workspace} />}
              <CustomerPanel workspace={workspace} />
            </div>
          </div>
        )}
        <ShortcutHelp open={helpOpen} onClose={closeHelp} />
        {agent.role !== 'agent' && <LowRatingAlerts workspace={workspace} center={center} alerts={alerts} />}
        <CannedManager workspace={workspace} open={cannedOpen} onClose={closeCanned} />
        {signOut.confirming && (
          <SignOutDialog workspace={workspace} onCancel={signOut.cancel} onConfirm={signOut.confirm} />
        )}
      </div>
    </TicketBoardContext.Provider>
  );
}
