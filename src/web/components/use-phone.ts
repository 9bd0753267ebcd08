import { useSyncExternalStore } from 'react';

/** antd's md breakpoint: from 768 px up the layout is a PC's. */
const PC_QUERY = '(min-width: 768px)';

function pcQuery(): MediaQueryList | null {
  return typeof window !== 'undefined' && typeof window.matchMedia === 'function' ? window.matchMedia(PC_QUERY) : null;
}

function subscribe(onChange: () => void): () => void {
  const q = pcQuery();
  q?.addEventListener('change', onChange);
  return () => q?.removeEventListener('change', onChange);
}

const isPhoneNow = () => {
  const q = pcQuery();
  return q ? !q.matches : false;
};

/**
 * A phone held upright: narrower than antd's md breakpoint (768 px). Station hosts record events where they happen,
 * so below it lists become cards, drawers take the whole width and uploads offer the camera.
 * Asked of the window synchronously, so that the first paint on a phone is already the phone's: antd's
 * Grid.useBreakpoint answers "not a phone" until it has measured, and that first PC paint made a phone download the
 * table it never shows (issue 16).
 */
export function useIsPhone(): boolean {
  return useSyncExternalStore(subscribe, isPhoneNow, () => false);
}
