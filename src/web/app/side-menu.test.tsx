import { cleanup, render, screen, within } from '@testing-library/react';
import { MemoryRouter } from 'react-router';
import { afterEach, describe, expect, it } from 'vitest';
import { ROLES, type Role } from '../../shared/permissions';
import { menuRoutesFor } from '../routes';
import { SideMenu } from './side-menu';

// What each role's side menu shows, as the permission table (src/shared/permissions.ts) grants it.
const CENTER = [
  '首页',
  '项目年度',
  '申报通知',
  '项目申报',
  '评审排名与立项',
  '项目与验收',
  '监督检查',
  '待匹配需求',
  '通知公告',
  '组织',
  '官方名单',
  '工作站点',
  '考核看板',
  '经费执行',
  '金桥工程推荐',
];
const LOCAL = [
  '首页',
  '项目年度',
  '申报通知',
  '项目申报',
  '项目与验收',
  '整改与追回',
  '待匹配需求',
  '通知公告',
  '组织',
  '工作站点',
  '考核看板',
  '经费执行',
  '金桥工程推荐',
];
const EXPECTED: Record<Role, string[]> = {
  center_admin: CENTER,
  center_staff: CENTER,
  district: LOCAL,
  host: LOCAL,
  reviewer: ['首页', '项目年度', '申报通知', '项目申报', '我的评审', '通知公告'],
  auditor: [
    '首页',
    '项目年度',
    '申报通知',
    '项目与验收',
    '整改与追回',
    '待匹配需求',
    '通知公告',
    '组织',
    '工作站点',
    '考核看板',
    '经费执行',
    '金桥工程推荐',
  ],
  sys_admin: ['首页', '账户'],
  sec_admin: ['首页', '账户', '安全策略'],
  audit_admin: ['首页', '操作日志'],
  // 待分配角色 (decision 018): only the home page, which says that the account waits for a role.
  unassigned: ['首页'],
};

afterEach(cleanup);

describe('side menu', () => {
  it.each(ROLES.map((r) => [r]))('%s sees exactly the entries its permissions grant', (role) => {
    expect(menuRoutesFor(role).map((r) => r.label)).toEqual(EXPECTED[role]);
    render(
      <MemoryRouter>
        <SideMenu role={role} />
      </MemoryRouter>,
    );
    const menu = screen.getByRole('menu', { name: '主菜单' });
    const names = within(menu)
      .getAllByRole('menuitem')
      .map((el) => el.textContent?.trim());
    expect(names).toEqual(EXPECTED[role]);
  });
});
