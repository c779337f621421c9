import css from './tray.css?inline';

/**
 * A ref callback that puts the upload chunk's styles into the widget's shadow root once, the first
 * time one of its elements mounts; the main stylesheet (in the first open's budget) stays without them.
 */
export function withChunkStyles(element: Element | null): void {
  const root = element?.getRootNode() as ShadowRoot | Document | undefined;
  if (!root || root.querySelector('style[data-at]')) return;
  const style = document.createElement('style');
  style.dataset.at = '';
  style.textContent = css;
  (root instanceof Document ? root.head : root).append(style);
}
