// The route table: one entry per page. The side menu is generated from it (entries with `menu: true`, filtered by
// the role's permissions) and the same permission guards the route, so a menu and a guard cannot disagree.
import {
  ApartmentOutlined,
  AuditOutlined,
  CalendarOutlined,
  DashboardOutlined,
  EnvironmentOutlined,
  FileDoneOutlined,
  FileSearchOutlined,
  FileTextOutlined,
  HomeOutlined,
  MoneyCollectOutlined,
  NodeIndexOutlined,
  NotificationOutlined,
  OrderedListOutlined,
  ProjectOutlined,
  SafetyCertificateOutlined,
  SoundOutlined,
  TeamOutlined,
  TrophyOutlined,
} from '@ant-design/icons';
import { type ComponentType, type LazyExoticComponent, lazy } from 'react';
import { matchPath } from 'react-router';
import { can, type Permission, type Role } from '../shared/permissions';
import type { Nav, NavRoute } from './lib/nav';

/** A page loaded on first visit; `preload` starts the download before React asks for it. */
export type LazyPage = LazyExoticComponent<ComponentType> & { preload: () => Promise<unknown> };

function lazyPage(load: () => Promise<{ default: ComponentType }>): LazyPage {
  return Object.assign(lazy(load), { preload: load });
}

export interface AppRoute extends NavRoute {
  page: LazyPage;
  /** kept out of the menu of roles holding this permission (they reach the same lists by another entry) */
  menuUnless?: Permission;
  /** the menu entry to highlight for a detail page */
  parent?: string;
}

const icon = (C: ComponentType<{ 'aria-hidden'?: boolean }>) => <C aria-hidden />;

export const ROUTES: AppRoute[] = [
  {
    path: '/',
    label: '首页',
    icon: icon(HomeOutlined),
    permission: null,
    menu: true,
    page: lazyPage(() => import('./app/home')),
  },
  {
    path: '/program-years',
    label: '项目年度',
    icon: icon(CalendarOutlined),
    permission: 'read:program-year',
    menu: true,
    page: lazyPage(() => import('./features/program-years/program-years-page')),
  },
  {
    path: '/program-years/:year',
    label: '年度政策',
    permission: 'read:program-year',
    menu: false,
    parent: '/program-years',
    page: lazyPage(() => import('./features/program-years/program-year-detail-page')),
  },
  {
    path: '/calls',
    label: '申报通知',
    icon: icon(NotificationOutlined),
    permission: 'read:call',
    menu: true,
    page: lazyPage(() => import('./features/calls/calls-page')),
  },
  // The project lifecycle (issue #4): application, review and decision (第十条), projects and acceptance (第十一条–第十三条).
  {
    path: '/applications',
    label: '项目申报',
    icon: icon(FileTextOutlined),
    permission: 'read:application',
    menu: true,
    page: lazyPage(() => import('./features/applications/applications-page')),
  },
  {
    path: '/applications/:id',
    label: '申报书',
    permission: 'read:application',
    menu: false,
    parent: '/applications',
    page: lazyPage(() => import('./features/applications/application-detail-page')),
  },
  {
    path: '/reviews',
    label: '我的评审',
    icon: icon(FileDoneOutlined),
    permission: 'review:application',
    menu: true,
    page: lazyPage(() => import('./features/applications/my-reviews-page')),
  },
  {
    path: '/review-ranking',
    label: '评审排名与立项',
    icon: icon(OrderedListOutlined),
    permission: 'manage:review',
    menu: true,
    page: lazyPage(() => import('./features/applications/ranking-page')),
  },
  {
    path: '/projects',
    label: '项目与验收',
    icon: icon(ProjectOutlined),
    permission: 'read:project',
    menu: true,
    page: lazyPage(() => import('./features/projects/projects-page')),
  },
  {
    path: '/projects/:id',
    label: '项目详情',
    permission: 'read:project',
    menu: false,
    parent: '/projects',
    page: lazyPage(() => import('./features/projects/project-detail-page')),
  },
  // Supervision (issue #5): the Center's inspections (第十九条) and the recovery of funds (第十八条).
  {
    path: '/inspections',
    label: '监督检查',
    icon: icon(FileSearchOutlined),
    permission: 'manage:inspection',
    menu: true,
    page: lazyPage(() => import('./features/supervision/inspections-page')),
  },
  {
    path: '/inspections/:inspectionId',
    label: '检查详情',
    permission: 'manage:inspection',
    menu: false,
    parent: '/inspections',
    page: lazyPage(() => import('./features/supervision/inspection-detail-page')),
  },
  {
    path: '/rectification',
    label: '整改与追回',
    icon: icon(FileSearchOutlined),
    permission: 'read:ledger',
    menu: true,
    // The Center has the same lists as tabs of 监督检查.
    menuUnless: 'manage:inspection',
    page: lazyPage(() => import('./features/supervision/rectification-page')),
  },
  {
    path: '/unmatched-demands',
    label: '待匹配需求',
    icon: icon(NodeIndexOutlined),
    permission: 'read:ledger',
    menu: true,
    page: lazyPage(() => import('./features/matching/unmatched-demands-page')),
  },
  {
    path: '/notices',
    label: '通知公告',
    icon: icon(SoundOutlined),
    permission: 'read:notice',
    menu: true,
    page: lazyPage(() => import('./features/notices/notices-page')),
  },
  {
    path: '/organizations',
    label: '组织',
    icon: icon(ApartmentOutlined),
    permission: 'read:organization',
    menu: true,
    page: lazyPage(() => import('./features/organizations/organizations-page')),
  },
  // 依托单位批量导入 (issue #10 §3): template, preview with every problem, then the import.
  {
    path: '/organizations/import',
    label: '依托单位批量导入',
    permission: 'write:organization',
    menu: false,
    parent: '/organizations',
    page: lazyPage(() => import('./features/organizations/host-import-page')),
  },
  // 官方名单 (issue 15 §4, 第七条): the Center imports the 专精特新 and 企业科协 lists into the enterprise registry.
  {
    path: '/official-lists',
    label: '官方名单',
    icon: icon(SafetyCertificateOutlined),
    permission: 'write:organization',
    menu: true,
    page: lazyPage(() => import('./features/official-lists/official-lists-page')),
  },
  {
    path: '/stations',
    label: '工作站点',
    icon: icon(EnvironmentOutlined),
    permission: 'read:station',
    menu: true,
    page: lazyPage(() => import('./features/stations/stations-page')),
  },
  {
    path: '/stations/:id',
    label: '工作站点详情',
    permission: 'read:station',
    menu: false,
    parent: '/stations',
    page: lazyPage(() => import('./features/stations/station-detail-page')),
  },
  {
    path: '/stations/:id/kpis',
    label: '站点考核指标',
    permission: 'read:ledger',
    menu: false,
    parent: '/stations',
    page: lazyPage(() => import('./features/kpis/station-kpis-page')),
  },
  {
    path: '/stations/:id/ledger/:kind',
    label: '站点台账',
    permission: 'read:ledger',
    menu: false,
    parent: '/stations',
    page: lazyPage(() => import('./features/ledger/ledger-page')),
  },
  {
    path: '/stations/:id/funds',
    label: '站点经费',
    permission: 'read:ledger',
    menu: false,
    parent: '/stations',
    page: lazyPage(() => import('./features/funds/station-funds-page')),
  },
  {
    path: '/stations/:id/supervision',
    label: '站点监督检查',
    permission: 'read:ledger',
    menu: false,
    parent: '/stations',
    page: lazyPage(() => import('./features/supervision/station-supervision-page')),
  },
  {
    path: '/stations/:id/import',
    label: '台账导入导出',
    permission: 'import:ledger',
    menu: false,
    parent: '/stations',
    page: lazyPage(() => import('./features/ledger/ledger-import-page')),
  },
  {
    path: '/kpi-dashboard',
    label: '考核看板',
    icon: icon(DashboardOutlined),
    permission: 'read:ledger',
    menu: true,
    page: lazyPage(() => import('./features/kpis/kpi-dashboard-page')),
  },
  // 经费执行 (第十五条): the year's budget execution across the stations in scope; a station's own page is /stations/:id/funds.
  {
    path: '/funds',
    label: '经费执行',
    icon: icon(MoneyCollectOutlined),
    permission: 'read:ledger',
    menu: true,
    page: lazyPage(() => import('./features/funds-overview/funds-overview-page')),
  },
  {
    path: '/golden-bridge',
    label: '金桥工程推荐',
    icon: icon(TrophyOutlined),
    permission: 'read:ledger',
    menu: true,
    page: lazyPage(() => import('./features/golden-bridge/golden-bridge-page')),
  },
  {
    path: '/users',
    label: '账户',
    icon: icon(TeamOutlined),
    permission: 'read:user',
    menu: true,
    page: lazyPage(() => import('./features/users/users-page')),
  },
  {
    path: '/audit-events',
    label: '操作日志',
    icon: icon(AuditOutlined),
    permission: 'read:audit-event',
    menu: true,
    page: lazyPage(() => import('./features/audit-events/audit-events-page')),
  },
  {
    path: '/security-settings',
    label: '安全策略',
    icon: icon(SafetyCertificateOutlined),
    permission: 'read:security-setting',
    menu: true,
    page: lazyPage(() => import('./features/security-settings/security-settings-page')),
  },
  {
    path: '/change-password',
    label: '修改密码',
    permission: null,
    menu: false,
    page: lazyPage(() => import('./features/auth/change-password-page')),
  },
];

export function canOpen(role: Role, route: Pick<AppRoute, 'permission'>): boolean {
  return route.permission === null || can(role, route.permission);
}

/** The side-menu entries of a role, in table order. */
export function menuRoutesFor(role: Role): AppRoute[] {
  return ROUTES.filter((r) => r.menu && canOpen(role, r) && !(r.menuUnless && can(role, r.menuUnless)));
}

/** The menu key (a menu route's path) that a location belongs to. */
export function menuKeyFor(pathname: string): string {
  const exact = ROUTES.find((r) => r.menu && r.path === pathname);
  if (exact) return exact.path;
  const parent = ROUTES.filter((r) => r.menu && r.path !== '/').find((r) => pathname.startsWith(`${r.path}/`));
  return parent?.path ?? '/';
}

/** The table as features read it (lib/nav.ts), without importing it. */
export const NAV: Nav = { routes: ROUTES, menuFor: menuRoutesFor };

/**
 * Starts loading the page at this address while the session is still being checked: on a phone over 4G each step
 * of the chain (shell, layout, page, its data) costs a round trip of 150 ms or more (issue 16).
 */
export function preloadPageAt(pathname: string): void {
  const route = ROUTES.find((r) => matchPath(r.path, pathname));
  route?.page.preload().catch(() => {
    // a failed early download is retried, and reported, when React renders the page
  });
}
