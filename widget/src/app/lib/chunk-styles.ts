// Imported only by lazily loaded chunks, so it stays out of the first open.

/**
 * A ref callback that puts a lazily loaded chunk's styles into the widget's shadow root once, the
 * first time one of its elements mounts; the main stylesheet (in the first open's budget) stays without them.
 */
export function chunkStyles(name: string, css: string): (element: Element | null) => void {
  return (element) => {
    const root = element?.getRootNode() as ShadowRoot | Document | undefined;
    if (!root || root.querySelector(`style[data-chunk="${name}"]`)) return;
    const style = document.createElement('style');
    style.dataset.chunk = name;
    style.textContent = css;
    (root instanceof Document ? root.head : root).append(style);
  };
}
