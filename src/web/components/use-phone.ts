import { Grid } from 'antd';

/**
 * A phone held upright: narrower than antd's md breakpoint (768 px). Station hosts record events where they happen,
 * so below it lists become cards, drawers take the whole width and uploads offer the camera.
 * Before antd has measured the window the answer is "not a phone", so the first paint is the PC layout.
 */
export function useIsPhone(): boolean {
  return Grid.useBreakpoint().md === false;
}
