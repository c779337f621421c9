/**
 * A short two-tone chime made with Web Audio, so no sound file is downloaded. Browsers only let
 * audio start after the shopper has interacted with the page; before that it stays silent.
 */
export function createChime(): () => void {
  let context: AudioContext | undefined;
  return () => {
    try {
      context ??= new AudioContext();
      if (context.state === 'suspended') void context.resume().catch(() => {});
      const start = context.currentTime;
      for (const [offset, frequency] of [
        [0, 880],
        [0.12, 1320],
      ] as const) {
        const oscillator = context.createOscillator();
        const gain = context.createGain();
        oscillator.frequency.value = frequency;
        gain.gain.setValueAtTime(0.0001, start + offset);
        gain.gain.exponentialRampToValueAtTime(0.15, start + offset + 0.02);
        gain.gain.exponentialRampToValueAtTime(0.0001, start + offset + 0.25);
        oscillator.connect(gain).connect(context.destination);
        oscillator.start(start + offset);
        oscillator.stop(start + offset + 0.3);
      }
    } catch {
      // No audio (old browser, policy): the badge and the screen-reader announcement remain.
    }
  };
}

/**
 * Elects one tab per site to play sounds, so two tabs on the same conversation chime once.
 * Uses a Web Lock held for the tab's lifetime; the next tab takes over when the holder closes.
 * Without Web Locks, the visible tab plays.
 */
export function createTabLeader(name: string): { isLeader(): boolean; release(): void } {
  let leader = false;
  let release = () => {};
  const locks = (navigator as Navigator & { locks?: LockManager }).locks;
  if (!locks) return { isLeader: () => document.visibilityState === 'visible', release };
  locks
    .request(name, () => {
      leader = true;
      return new Promise<void>((resolve) => {
        release = resolve;
      });
    })
    .catch(() => {});
  return { isLeader: () => leader, release: () => release() };
}
