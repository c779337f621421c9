import type { AgentRole } from '@aftercare/shared';
import { useI18n } from '../../lib/i18n.js';
import type { ConsoleRoute } from '../../routes/Settings/settings-route.js';

type Screen = ConsoleRoute['screen'];

/** The console's screens in navigation order, and who sees each. */
const SCREENS: {
  screen: Screen;
  href: string;
  label: 'settings.backToInbox' | 'tickets.nav' | 'followUps.nav' | 'reports.open' | 'settings.open';
  roles?: AgentRole[];
}[] = [
  { screen: 'inbox', href: '#/inbox', label: 'settings.backToInbox' },
  { screen: 'tickets', href: '#/tickets', label: 'tickets.nav' },
  { screen: 'follow-ups', href: '#/follow-ups', label: 'followUps.nav' },
  { screen: 'reports', href: '#/reports', label: 'reports.open', roles: ['supervisor', 'admin'] },
  { screen: 'settings', href: '#/settings', label: 'settings.open' },
];

/** Links to the console's screens; the current one is marked for assistive technology too. */
export function ConsoleNav({ route, role }: { route: ConsoleRoute; role: AgentRole }) {
  const { t } = useI18n();
  return (
    <nav class="console-nav" aria-label={t('nav.label')}>
      {SCREENS.filter((item) => !item.roles || item.roles.includes(role)).map((item) => (
        <a
          key={item.screen}
          class="button button--small top-bar__link"
          href={item.href}
          aria-current={route.screen === item.screen ? 'page' : undefined}
        >
          {t(item.label)}
        </a>
      ))}
    </nav>
  );
}
