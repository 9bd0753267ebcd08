import { vi } from 'vitest';

/**
 * For component tests: the window as antd's breakpoints see it. antd asks matchMedia queries such as
 * `(min-width: 992px)` and `(max-width: 575.98px)`; each is answered for a screen `width` pixels wide.
 */
export function screenWidth(width: number): void {
  vi.stubGlobal('matchMedia', (query: string) => {
    const min = /min-width:\s*([\d.]+)/.exec(query);
    const max = /max-width:\s*([\d.]+)/.exec(query);
    const matches = (!min || width >= Number(min[1])) && (!max || width <= Number(max[1]));
    return {
      matches,
      media: query,
      onchange: null,
      addListener: () => {},
      removeListener: () => {},
      addEventListener: () => {},
      removeEventListener: () => {},
      dispatchEvent: () => false,
    } as MediaQueryList;
  });
}
