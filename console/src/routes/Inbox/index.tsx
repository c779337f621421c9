import type { Agent } from '@aftercare/shared';
import { useEffect, useState } from 'preact/hooks';
import { ConversationList } from '../../components/ConversationList/index.js';
import { ConversationView } from '../../components/ConversationView/index.js';
import { CustomerPanel } from '../../components/CustomerPanel/index.js';
import { TopBar } from '../../components/TopBar/index.js';
import type { AgentSocket } from '../../lib/agent-socket.js';
import { type Locale, useI18n } from '../../lib/i18n.js';
import { createWorkspace, type Workspace } from '../../lib/workspace/create-workspace.js';
import './style.css';

export interface InboxScreenProps {
  agent: Agent;
  createSocket(): AgentSocket;
  onLocaleChange(locale: Locale): void;
  onSignOut(): void;
  onSessionEnded(): void;
  checkSession(): Promise<boolean | null>;
}

/**
 * The signed-in console: inbox on the left, the open conversation in the middle, the customer
 * and product on the right. Owns one workspace (socket + store) for as long as it is mounted.
 */
export function InboxScreen(props: InboxScreenProps) {
  const { t } = useI18n();
  const [workspace, setWorkspace] = useState<Workspace | null>(null);

  // One socket per mounted screen: the callbacks from App are stable, so this runs once.
  useEffect(() => {
    const created = createWorkspace({
      socket: props.createSocket(),
      agent: props.agent,
      onUnauthorized: props.onSessionEnded,
      checkSession: props.checkSession,
    });
    setWorkspace(created);
    return () => created.dispose();
  }, []);

  if (!workspace) return null;
  return (
    <div class="inbox-screen">
      <a class="skip-link" href="#conversation">
        {t('app.skipToConversation')}
      </a>
      <TopBar workspace={workspace} onLocaleChange={props.onLocaleChange} onSignOut={props.onSignOut} />
      <div class="inbox-screen__columns">
        <ConversationList workspace={workspace} />
        <ConversationView workspace={workspace} />
        <CustomerPanel workspace={workspace} />
      </div>
    </div>
  );
}
