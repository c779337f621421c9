import type { FunctionComponent } from 'preact';
import { useEffect, useState } from 'preact/hooks';
import { useI18n } from '../../lib/i18n.js';
import type { Workspace } from '../../lib/workspace/create-workspace.js';
import type { ReportsScreenProps } from './index.js';

/** The screen once its chunk has loaded; shared by every mount so it is fetched once. */
let loading: Promise<FunctionComponent<ReportsScreenProps>> | undefined;

/**
 * The reports screen, fetched when first opened: it brings the charting library (uPlot), which
 * the inbox never needs, so the inbox's bundle does not carry it.
 */
export function ReportsRoute({ workspace }: { workspace: Workspace }) {
  const { t } = useI18n();
  const [Screen, setScreen] = useState<FunctionComponent<ReportsScreenProps> | null>(null);
  const [failed, setFailed] = useState(false);
  useEffect(() => {
    let current = true;
    loading ??= import('./index.js').then((module) => module.ReportsScreen);
    loading.then(
      (component) => current && setScreen(() => component),
      () => {
        // A failed chunk load (a deploy replaced it, the network dropped) may succeed next time.
        loading = undefined;
        if (current) setFailed(true);
      },
    );
    return () => {
      current = false;
    };
  }, []);
  if (Screen) return <Screen workspace={workspace} />;
  return (
    <main id="reports-main" class="reports-screen" tabIndex={-1}>
      <p role="status">{failed ? t('reports.error.generic') : t('reports.loading')}</p>
    </main>
  );
}
