import type { LaunchOptions } from '@playwright/test';

/**
 * Launch options for Debian's Chromium. `CHROMIUM_PATH` overrides the binary. The flags keep
 * Chromium from reaching out to the network (this machine has none) and from needing a GPU.
 */
export function chromiumLaunchOptions(): LaunchOptions {
  return {
    executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
    args: [
      '--headless',
      '--no-sandbox',
      '--disable-gpu',
      '--disable-background-networking',
      '--disable-component-update',
      '--no-first-run',
      '--disable-sync',
      '--disable-quic',
    ],
  };
}
