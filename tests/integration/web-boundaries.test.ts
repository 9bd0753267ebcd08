// Issue 12, one place for each thing in the web: a feature builds on the shared web code (components, lib), the
// contract and the domain, and its own folder — never on another feature, the shell or the route table. What several
// features need lives in src/web/components or src/web/lib, so there is one copy of it to find and to change.
import { existsSync, readdirSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';
import { describe, expect, it } from 'vitest';
import { importsOf, ROOT, sources } from './support/imports';

const WEB = join(ROOT, 'src/web');
const FEATURES = join(WEB, 'features');

const under = (target: string, dir: string) => target === dir || target.startsWith(`${dir}/`);

// The shell's session context, for as long as it lives in app/ (features read the signed-in account from it).
const APP_SESSION_CONTEXT = 'src/web/app/session-context';

/** What a file of `feature` may import. */
function allowedFor(feature: string): string[] {
  return [
    'src/web/components',
    'src/web/lib',
    'src/shared',
    'src/domain',
    `src/web/features/${feature}`,
    ...(existsSync(join(ROOT, `${APP_SESSION_CONTEXT}.ts`)) ? [APP_SESSION_CONTEXT] : []),
  ];
}

function isAllowed(feature: string, target: string): boolean {
  return allowedFor(feature).some((dir) => under(target, dir));
}

function features(): string[] {
  return readdirSync(FEATURES).filter((name) => statSync(join(FEATURES, name)).isDirectory());
}

function featureViolations(): string[] {
  const out: string[] = [];
  for (const feature of features()) {
    for (const file of sources(join(FEATURES, feature))) {
      for (const target of importsOf(file)) {
        if (!isAllowed(feature, target)) out.push(`${relative(ROOT, file)} → ${target}`);
      }
    }
  }
  return out;
}

describe('web boundaries', () => {
  it('a feature imports no other feature, and nothing but components, lib, shared, domain and its own folder', () => {
    expect(featureViolations()).toEqual([]);
  });

  it('the shared web code (components, lib) imports no feature, nor the shell or the route table', () => {
    const out: string[] = [];
    for (const dir of ['components', 'lib']) {
      for (const file of sources(join(WEB, dir))) {
        for (const target of importsOf(file)) {
          if (['src/web/features', 'src/web/app', 'src/web/routes'].some((f) => under(target, f))) {
            out.push(`${relative(ROOT, file)} → ${target}`);
          }
        }
      }
    }
    expect(out).toEqual([]);
  });

  it('finds what it forbids (the checks are not vacuous)', () => {
    expect(features().length).toBeGreaterThan(10);
    expect(sources(FEATURES).length).toBeGreaterThan(100);
    // A one-line import, a multi-line type import and a dynamic import, each resolved to its path.
    expect(importsOf(join(FEATURES, 'home/home-page.tsx'))).toContain('src/web/lib/nav');
    expect(importsOf(join(FEATURES, 'kpis/kpi-dashboard-page.tsx'))).toContain('src/web/features/kpis/api');
    expect(importsOf(join(FEATURES, 'program-years/program-year-detail-page.tsx'))).toContain(
      'src/web/features/program-years/program-year-form',
    );
    // The rule itself: another feature, the route table and the shell are refused; the shared code is not.
    expect(isAllowed('home', 'src/web/features/kpis/station-kpi-card')).toBe(false);
    expect(isAllowed('home', 'src/web/features/home-extra/x')).toBe(false);
    expect(isAllowed('setup', 'src/web/routes')).toBe(false);
    expect(isAllowed('home', 'src/web/app/layout')).toBe(false);
    expect(isAllowed('home', 'src/server/app')).toBe(false);
    expect(isAllowed('home', 'src/web/features/home/api')).toBe(true);
    expect(isAllowed('home', 'src/web/lib/stations')).toBe(true);
    expect(isAllowed('home', 'src/web/components/station-tabs')).toBe(true);
    expect(isAllowed('home', 'src/shared/labels')).toBe(true);
    expect(isAllowed('home', 'src/domain/money')).toBe(true);
  });
});
