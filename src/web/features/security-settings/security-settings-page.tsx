// 安全策略: the security administrator sets the lockout, password reuse and administrators' password age here
// (kept in the database, decision 019); the rules fixed by the system or by the deployment are shown below them.
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { App, Button, Card, Descriptions, Form, InputNumber, Spin, Tag, Typography } from 'antd';
import { useEffect } from 'react';
import { securitySettingsApi } from '../../../shared/api/security-settings';
import {
  SECURITY_POLICY_LABELS,
  type SecurityPolicy,
  type SecuritySettingsDto,
  securityPolicySchema,
} from '../../../shared/schemas/security-settings';
import { PageHeader } from '../../components/page-header';
import { call } from '../../lib/api';
import { applyApiError, zodRule } from '../../lib/form';
import { formatInstant } from '../../lib/format';
import { useCan } from '../../lib/session-context';

const FIELDS: Array<{ name: keyof SecurityPolicy; unit: string; extra: string }> = [
  { name: 'loginMaxFailures', unit: '次', extra: '连续输错密码达到此次数，账户锁定（1–20 次）' },
  { name: 'loginLockMinutes', unit: '分钟', extra: '锁定期间拒绝登录；系统管理员可提前解锁（1–1440 分钟）' },
  {
    name: 'passwordHistoryCount',
    unit: '个',
    extra: '修改密码时，新密码不得与最近这些次设置过的密码相同（0–10；0 表示只检查当前密码）',
  },
  {
    name: 'adminPasswordMaxAgeDays',
    unit: '天',
    extra: '系统管理员、安全管理员、审计管理员的密码超过此天数须在下次登录时更换（0 表示不要求；等保 定期更换）',
  },
];

function PolicyForm({ s }: { s: SecuritySettingsDto }) {
  const [form] = Form.useForm<SecurityPolicy>();
  const { message } = App.useApp();
  const queryClient = useQueryClient();
  const editable = useCan()('write:security-setting');
  useEffect(() => {
    form.setFieldsValue(s);
  }, [form, s]);
  const save = useMutation({
    mutationFn: (v: SecurityPolicy) => call(securitySettingsApi.update, { body: { ...v, version: s.version } }),
    onSuccess: (saved) => {
      queryClient.setQueryData(['security-settings'], saved);
      message.success('安全策略已保存，立即生效');
    },
    onError: (e) => {
      applyApiError(form, e);
    },
  });
  return (
    <Form<SecurityPolicy>
      form={form}
      layout="horizontal"
      labelCol={{ flex: '240px' }}
      initialValues={s}
      disabled={!editable}
      onFinish={(v) => save.mutate(v)}
    >
      {FIELDS.map((f) => (
        <Form.Item
          key={f.name}
          name={f.name}
          label={SECURITY_POLICY_LABELS[f.name]}
          extra={f.extra}
          required
          rules={[zodRule(securityPolicySchema.shape[f.name], null)]}
        >
          <InputNumber precision={0} suffix={f.unit} style={{ width: 160 }} />
        </Form.Item>
      ))}
      {editable && (
        <Form.Item label=" " colon={false}>
          <Button type="primary" htmlType="submit" loading={save.isPending}>
            保存
          </Button>
          <Typography.Text type="secondary" style={{ marginLeft: 12 }}>
            {s.updatedAt ? `上次保存：${formatInstant(s.updatedAt)}` : '尚未保存：当前为部署时的默认值'}
          </Typography.Text>
        </Form.Item>
      )}
    </Form>
  );
}

export default function SecuritySettingsPage() {
  const q = useQuery({
    queryKey: ['security-settings'],
    queryFn: () => call(securitySettingsApi.get, {}),
  });
  const s = q.data;
  return (
    <>
      <PageHeader title="安全策略" subtitle="口令、登录锁定与会话策略（等保 2.0 身份鉴别、访问控制、安全审计）" />
      {!s ? (
        <Card>
          <Spin spinning={q.isPending} description="正在加载…">
            <div style={{ minHeight: 120 }} />
          </Spin>
        </Card>
      ) : (
        <>
          <Card title="可调整的策略" style={{ marginBottom: 16 }}>
            <PolicyForm s={s} />
          </Card>
          <Card title="固定规则与部署设置">
            <Descriptions
              bordered
              column={1}
              styles={{ label: { width: 260 } }}
              items={[
                { key: 'len', label: '密码最小长度', children: `${s.passwordMinLength} 位` },
                { key: 'cls', label: '密码复杂度', children: s.passwordClasses },
                { key: 'common', label: '易猜密码', children: s.passwordCommonCheck },
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
          </Card>
        </>
      )}
    </>
  );
}
