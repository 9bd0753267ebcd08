// 依托单位注册 (issue #4): public, open only while a call is open (第十条). The organisation and its first account stay
// inactive until the Center approves; the page says so. antd loads here (a lazy route), not on the sign-in page.
import { Alert, App as AntApp, Button, Card, ConfigProvider, Form, Input, Select, Spin } from 'antd';
import zhCN from 'antd/locale/zh_CN';
import { useEffect, useState } from 'react';
import { Link } from 'react-router';
import { PASSWORD_MIN_LENGTH } from '../../../domain/password-policy';
import { HOST_KINDS } from '../../../domain/policy/types';
import { hostRegistrationsApi } from '../../../shared/api/host-registrations';
import {
  type HostRegistrationInput,
  type HostRegistrationWindowDto,
  hostRegistrationSchema,
} from '../../../shared/schemas/host-registration';
import { Result } from '../../components/result';
import { call } from '../../lib/api';
import { APP_NAME } from '../../lib/app';
import { applyApiError, applyIssues, validated, zodIssues, zodRule } from '../../lib/form';
import './login.css';

const shape = hostRegistrationSchema.shape;

function RegisterForm() {
  const [form] = Form.useForm<HostRegistrationInput>();
  const [win, setWin] = useState<HostRegistrationWindowDto | null>(null);
  const [done, setDone] = useState(false);
  const [busy, setBusy] = useState(false);
  const hostKind = Form.useWatch('hostKind', form);

  useEffect(() => {
    call(hostRegistrationsApi.window, {}, { allowUnauthenticated: true, quiet: true }).then(setWin, () =>
      setWin({ open: false }),
    );
  }, []);

  async function onSubmit() {
    const v = await validated(form);
    if (!v) return;
    const parsed = hostRegistrationSchema.safeParse({ ...v, districtCode: v.districtCode || null });
    if (!parsed.success) {
      applyIssues(form, zodIssues(parsed.error));
      return;
    }
    setBusy(true);
    try {
      await call(hostRegistrationsApi.register, { body: parsed.data }, { allowUnauthenticated: true, quiet: true });
      setDone(true);
    } catch (e) {
      applyApiError(form, e);
    } finally {
      setBusy(false);
    }
  }

  if (!win) return <Spin tip="正在加载…" />;
  if (done)
    return (
      <Result
        status="success"
        title="注册申请已提交"
        subTitle="创新服务中心审核通过后，单位和账户即启用，届时请用注册的用户名和密码登录并填写申报书。"
        extra={<Link to="/login">返回登录</Link>}
      />
    );
  if (!win.open)
    return (
      <Result
        status="info"
        title="目前不在申报期内"
        subTitle="新依托单位注册仅在申报通知发布后的申报期内开放（第十条）。请关注创新服务中心的通知公告。"
        extra={<Link to="/login">返回登录</Link>}
      />
    );
  return (
    <>
      <Alert
        type="info"
        showIcon
        style={{ marginBottom: 16 }}
        message={`正在受理：${win.callTitle}`}
        description="请如实填写单位信息；统一社会信用代码按 GB 32100 校验。提交后由创新服务中心审核，通过前账户不能登录。"
      />
      <Form<HostRegistrationInput> form={form} layout="vertical" requiredMark onFinish={onSubmit}>
        <Form.Item name="organizationName" label="单位名称" required rules={[zodRule(shape.organizationName)]}>
          <Input maxLength={100} />
        </Form.Item>
        <Form.Item
          name="hostKind"
          label="单位类型"
          required
          rules={[zodRule(shape.hostKind, undefined)]}
          extra="可承担站点的单位类型见管理办法第六条；公益一类事业单位不能作为依托单位"
        >
          <Select placeholder="请选择" options={HOST_KINDS.map((k) => ({ value: k.code, label: k.name }))} />
        </Form.Item>
        <Form.Item name="uscc" label="统一社会信用代码" required rules={[zodRule(shape.uscc)]}>
          <Input maxLength={18} />
        </Form.Item>
        {hostKind !== 'university_association' && (
          <Form.Item
            name="districtCode"
            label="所在区"
            required
            rules={[{ required: true, message: '请选择所在区（区工作站点按区设立，第三条）' }]}
          >
            <Select
              placeholder="请选择"
              showSearch
              optionFilterProp="label"
              options={(win.districts ?? []).map((d) => ({ value: d.code, label: d.name }))}
            />
          </Form.Item>
        )}
        <Form.Item name="address" label="单位地址" required rules={[zodRule(shape.address)]}>
          <Input maxLength={200} />
        </Form.Item>
        <Form.Item name="contactName" label="联系人" required rules={[zodRule(shape.contactName)]}>
          <Input maxLength={30} />
        </Form.Item>
        <Form.Item name="contactPhone" label="联系电话" required rules={[zodRule(shape.contactPhone)]}>
          <Input maxLength={30} />
        </Form.Item>
        <Form.Item name="username" label="登录用户名" required rules={[zodRule(shape.username)]}>
          <Input maxLength={32} autoComplete="username" />
        </Form.Item>
        <Form.Item
          name="password"
          label="登录密码"
          required
          rules={[zodRule(shape.password)]}
          extra={`至少 ${PASSWORD_MIN_LENGTH} 位，包含小写字母、大写字母、数字、特殊字符中的至少三类，且不含用户名`}
        >
          <Input.Password maxLength={128} autoComplete="new-password" />
        </Form.Item>
        <Button type="primary" htmlType="submit" loading={busy} block>
          提交注册申请
        </Button>
      </Form>
    </>
  );
}

export default function RegisterPage() {
  return (
    <ConfigProvider locale={zhCN} theme={{ token: { colorPrimary: '#1d4ed8', borderRadius: 6 } }}>
      <AntApp>
        <div className="login-page">
          <Card style={{ width: 560, maxWidth: '94vw' }} title="新依托单位注册">
            <RegisterForm />
            <p style={{ marginTop: 16, marginBottom: 0 }}>
              已有账户？<Link to="/login">返回登录</Link>
            </p>
          </Card>
          <footer className="login-footer">{APP_NAME}</footer>
        </div>
      </AntApp>
    </ConfigProvider>
  );
}
