import { useQuery } from '@tanstack/react-query';
import { Card, Descriptions, Spin, Tag } from 'antd';
import { PageHeader } from '../../components/page-header';
import { api } from '../../lib/api';

interface SecuritySettings {
  passwordMinLength: number;
  passwordClasses: string;
  loginMaxFailures: number;
  loginLockMinutes: number;
  loginRatePerMinute: number;
  sessionIdleMinutes: number;
  sessionAbsoluteHours: number;
  auditRetentionDays: number;
  cookieSecure: boolean;
}

export default function SecuritySettingsPage() {
  const q = useQuery({
    queryKey: ['security-settings'],
    queryFn: () => api.get<SecuritySettings>('/api/v1/security-settings'),
  });
  const s = q.data;
  return (
    <>
      <PageHeader title="安全策略" subtitle="口令、登录锁定与会话策略（等保 2.0 身份鉴别、访问控制、安全审计）" />
      <Card>
        {!s ? (
          <Spin spinning={q.isPending} description="正在加载…">
            <div style={{ minHeight: 120 }} />
          </Spin>
        ) : (
          <Descriptions
            bordered
            column={1}
            styles={{ label: { width: 260 } }}
            items={[
              { key: 'len', label: '密码最小长度', children: `${s.passwordMinLength} 位` },
              { key: 'cls', label: '密码复杂度', children: s.passwordClasses },
              { key: 'fail', label: '连续登录失败锁定阈值', children: `${s.loginMaxFailures} 次` },
              { key: 'lock', label: '锁定时长', children: `${s.loginLockMinutes} 分钟` },
              { key: 'rate', label: '登录频率限制（每个 IP）', children: `每分钟 ${s.loginRatePerMinute} 次` },
              { key: 'idle', label: '会话空闲超时', children: `${s.sessionIdleMinutes} 分钟` },
              { key: 'abs', label: '会话最长有效期', children: `${s.sessionAbsoluteHours} 小时` },
              { key: 'ret', label: '操作日志保留期', children: `${s.auditRetentionDays} 天` },
              {
                key: 'cookie',
                label: 'Cookie 仅通过 HTTPS 发送',
                children: s.cookieSecure ? (
                  <Tag color="green">已启用</Tag>
                ) : (
                  <Tag color="orange">未启用（请在 HTTPS 部署时开启）</Tag>
                ),
              },
            ]}
          />
        )}
      </Card>
    </>
  );
}
