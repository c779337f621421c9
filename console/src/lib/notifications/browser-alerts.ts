/** What the desktop notification permission is, or that the browser has no notifications at all. */
export type AlertPermission = NotificationPermission | 'unsupported';

/** The browser's ways to get an agent's attention; built in `main.tsx`, so tests can pass their own. */
export interface BrowserAlerts {
  permission(): AlertPermission;
  /** Must be called from a user gesture (a click), or browsers refuse without asking. */
  requestPermission(): Promise<AlertPermission>;
  /** A short beep. Browsers allow sound only after the user interacted with the page; before that it is silent. */
  beep(): void;
  /** A desktop notification (when permitted); `tag` replaces an older one about the same chat. */
  show(title: string, body: string, tag: string, onClick: () => void): void;
  /** Whether the agent is looking at the console (tab visible and window focused). */
  isAttended(): boolean;
}

/** The real alerts of a browser window. Nothing is created until first used (no AudioContext at start). */
export function createBrowserAlerts(win: Window & typeof globalThis): BrowserAlerts {
  let audio: AudioContext | null = null;
  const supported = typeof win.Notification === 'function';
  return {
    permission: () => (supported ? win.Notification.permission : 'unsupported'),
    async requestPermission() {
      if (!supported) return 'unsupported';
      try {
        return await win.Notification.requestPermission();
      } catch {
        return win.Notification.permission;
      }
    },
    beep() {
      try {
        audio ??= new win.AudioContext();
        if (audio.state === 'suspended') void audio.resume().catch(() => {});
        const start = audio.currentTime;
        const tone = audio.createOscillator();
        const gain = audio.createGain();
        tone.frequency.value = 880;
        // A soft attack and release: a bare square edge clicks.
        gain.gain.setValueAtTime(0.0001, start);
        gain.gain.exponentialRampToValueAtTime(0.15, start + 0.02);
        gain.gain.exponentialRampToValueAtTime(0.0001, start + 0.18);
        tone.connect(gain).connect(audio.destination);
        tone.start(start);
        tone.stop(start + 0.2);
      } catch {
        // No audio device or no Web Audio: the badge and the desktop notification still tell.
      }
    },
    show(title, body, tag, onClick) {
      if (!supported || win.Notification.permission !== 'granted') return;
      try {
        const notification = new win.Notification(title, { body, tag });
        notification.onclick = () => {
          win.focus();
          onClick();
          notification.close();
        };
      } catch {
        // Some platforms allow notifications from service workers only; the badge still shows.
      }
    },
    isAttended: () => win.document.visibilityState === 'visible' && win.document.hasFocus(),
  };
}
