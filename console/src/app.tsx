import type { Agent } from '@aftercare/shared';
import type { ComponentChild } from 'preact';
import { useCallback, useEffect, useMemo, useState } from 'preact/hooks';
import type { AgentSocket } from './lib/agent-socket.js';
import type { ApiClient } from './lib/api-client.js';
import { createI18n, I18nContext, initialLocale, type Locale, saveLocale } from './lib/i18n.js';
import type { BrowserAlerts } from './lib/notifications/browser-alerts.js';
import { InboxScreen } from './routes/Inbox/index.js';
import { SignInScreen } from './routes/SignIn/index.js';
import { StartupScreen } from './routes/Startup/index.js';

export interface AppProps {
  api: ApiClient;
  createSocket(): AgentSocket;
  storage: Storage | null;
  /** This tab's storage (sessionStorage): unacknowledged replies and drafts, see `outbox-storage.ts`, `draft-storage.ts`. */
  tabStorage: Storage | null;
  languages: readonly string[];
  /** Sound and desktop notifications of the browser window. */
  alerts: BrowserAlerts;
}

/** Where the app is: checking the cookie, signed out (maybe because the session ended), or in. */
type Session =
  | { phase: 'checking' }
  | { phase: 'unreachable' }
  | { phase: 'signed-out'; expired: boolean; resume?: ResumePoint }
  | { phase: 'signed-in'; agent: Agent; resume?: ResumePoint };

/** What the console had open when its session ended, to reopen once the same agent signs in again. */
interface ResumePoint {
  agentId: string;
  conversationId: string | null;
}

/** The console root: picks the language, restores the session from the cookie and shows the right screen. */
export function App({ api, createSocket, storage, tabStorage, languages, alerts }: AppProps) {
  const [locale, setLocale] = useState<Locale>(() => initialLocale(storage, languages));
  const i18n = useMemo(() => createI18n(locale), [locale]);
  const [session, setSession] = useState<Session>({ phase: 'checking' });

  const signedIn = session.phase === 'signed-in';
  useEffect(() => {
    document.documentElement.lang = locale;
    // Signed in, the inbox owns the title (it carries the unread badge).
    if (!signedIn) document.title = i18n.t('app.title');
  }, [locale, i18n, signedIn]);

  const restore = useCallback(async () => {
    setSession({ phase: 'checking' });
    const res = await api.me();
    if (res.ok) setSession({ phase: 'signed-in', agent: res.data.agent });
    else if (res.status === 401) setSession({ phase: 'signed-out', expired: false });
    else setSession({ phase: 'unreachable' });
  }, [api]);

  useEffect(() => {
    void restore();
  }, [restore]);

  const changeLocale = useCallback(
    (next: Locale) => {
      saveLocale(storage, next);
      setLocale(next);
    },
    [storage],
  );
  // An explicit sign-out ends only when the server says the session is gone (401: it was already).
  // One that did not reach the server leaves the session valid, so the agent stays signed in: a
  // sign-in screen would tell them, on a shared computer say, that they were out when they are not.
  const endSession = useCallback(async () => {
    const res = await api.logout();
    return res.ok || res.status === 401;
  }, [api]);
  const signedOut = useCallback(() => setSession({ phase: 'signed-out', expired: false }), []);
  // Revoked or expired (issue 6): back to sign-in, remembering the open conversation for the same agent.
  const sessionEnded = useCallback(
    (conversationId: string | null) =>
      setSession((current) => ({
        phase: 'signed-out',
        expired: true,
        ...(current.phase === 'signed-in' ? { resume: { agentId: current.agent.id, conversationId } } : {}),
      })),
    [],
  );
  const signedInAgain = useCallback(
    (agent: Agent) =>
      setSession((current) => {
        const resume = current.phase === 'signed-out' ? current.resume : undefined;
        return { phase: 'signed-in', agent, ...(resume?.agentId === agent.id ? { resume } : {}) };
      }),
    [],
  );
  const checkSession = useCallback(async () => {
    const res = await api.me();
    if (res.ok) return true;
    return res.status === 401 ? false : null;
  }, [api]);

  let screen: ComponentChild;
  if (session.phase === 'signed-in') {
    screen = (
      <InboxScreen
        agent={session.agent}
        createSocket={createSocket}
        storage={storage}
        tabStorage={tabStorage}
        alerts={alerts}
        onLocaleChange={changeLocale}
        endSession={endSession}
        onSignedOut={signedOut}
        onSessionEnded={sessionEnded}
        checkSession={checkSession}
        resumeConversationId={session.resume?.conversationId ?? null}
      />
    );
  } else if (session.phase === 'signed-out') {
    screen = (
      <SignInScreen api={api} expired={session.expired} onLocaleChange={changeLocale} onSignedIn={signedInAgain} />
    );
  } else {
    screen = <StartupScreen unreachable={session.phase === 'unreachable'} onRetry={restore} />;
  }
  return <I18nContext.Provider value={i18n}>{screen}</I18nContext.Provider>;
}
