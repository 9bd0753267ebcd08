// 签订 (第十条): the Center uploads the scan signed and sealed by both parties, then records the dates; the project
// is then in progress. Everyone who reads the project sees the scan and the dates.
import { FileOutlined } from '@ant-design/icons';
import { Alert, App, Button, Card, DatePicker, Descriptions, Form, Image, Space, Steps } from 'antd';
import type dayjs from 'dayjs';
import { useState } from 'react';
import { signSchema } from '../../../shared/schemas/project';
import { dateProps } from '../../components/form-fields';
import { ApiError } from '../../lib/api';
import { applyApiError, validated, zodRule } from '../../lib/form';
import { formatSize, shanghaiDate } from '../../lib/format';
import { useCan } from '../../lib/session-context';
import { type Project, projectFileUrl, uploadSignedScan, useInvalidateProjects, useSign } from './api';
import { ScanUpload } from './scan-upload';

const shape = signSchema.shape;

function SignedScan({ project }: { project: Project }) {
  const f = project.signedFile;
  if (!f) return <span style={{ color: 'rgba(0,0,0,0.45)' }}>尚未上传</span>;
  const url = projectFileUrl(project.id, f.id);
  return (
    <Space align="center">
      {f.mime.startsWith('image/') && (
        <Image
          src={url}
          alt={f.fileName}
          width={60}
          height={80}
          style={{ objectFit: 'cover', border: '1px solid #f0f0f0', borderRadius: 4 }}
        />
      )}
      <a href={url} download={f.fileName} title={`下载 ${f.fileName}`}>
        <FileOutlined aria-hidden /> {f.fileName}
      </a>
      <span style={{ color: 'rgba(0,0,0,0.45)' }}>{formatSize(f.size)}</span>
    </Space>
  );
}

function SignForm({ project }: { project: Project }) {
  const { message } = App.useApp();
  const [form] = Form.useForm();
  const sign = useSign(project.id);
  const invalidate = useInvalidateProjects();
  const [error, setError] = useState<string | null>(null);
  const today = shanghaiDate();
  const notAfterToday = (d: dayjs.Dayjs) => d.format('YYYY-MM-DD') > today;

  async function onSign() {
    const values = await validated(form);
    if (!values) return;
    setError(null);
    try {
      await sign.mutateAsync({ version: project.version, ...values });
      message.success('已登记协议签订，项目进入实施');
    } catch (e) {
      if (!applyApiError(form, e)) setError(e instanceof ApiError ? e.message : '登记失败，请稍后重试');
    }
  }

  return (
    <Card size="small" title="登记协议签订" className="card-gap">
      <Steps
        orientation="vertical"
        size="small"
        current={project.signedFile ? 1 : 0}
        items={[
          {
            title: '上传双方签字盖章的协议扫描件',
            content: (
              <div style={{ padding: '8px 0 16px' }}>
                {project.signedFile && (
                  <div style={{ marginBottom: 8 }}>
                    已上传：
                    <SignedScan project={project} />
                  </div>
                )}
                <ScanUpload
                  label={project.signedFile ? '重新上传扫描件' : '上传扫描件'}
                  upload={(f, p) => uploadSignedScan(project.id, f, p)}
                  onDone={invalidate}
                />
              </div>
            ),
          },
          {
            title: '填写签订日期',
            content: (
              <div style={{ padding: '8px 0' }}>
                {error && <Alert type="error" showIcon title={error} style={{ marginBottom: 12 }} />}
                <Form form={form} layout="inline" disabled={!project.signedFile}>
                  <Form.Item
                    name="hostSignedOn"
                    label="乙方（依托单位）签订日期"
                    required
                    rules={[zodRule(shape.hostSignedOn, null)]}
                    {...dateProps}
                  >
                    <DatePicker disabledDate={notAfterToday} />
                  </Form.Item>
                  <Form.Item
                    name="centerSignedOn"
                    label="甲方签订日期"
                    required
                    rules={[zodRule(shape.centerSignedOn, null)]}
                    {...dateProps}
                  >
                    <DatePicker disabledDate={notAfterToday} />
                  </Form.Item>
                  <Form.Item>
                    <Button type="primary" onClick={onSign} loading={sign.isPending}>
                      登记签订
                    </Button>
                  </Form.Item>
                </Form>
                {!project.signedFile && (
                  <div style={{ color: 'rgba(0,0,0,0.45)', marginTop: 4 }}>请先上传扫描件，再登记签订日期。</div>
                )}
              </div>
            ),
          },
        ]}
      />
    </Card>
  );
}

export function SigningTab({ project }: { project: Project }) {
  const can = useCan();
  const pending = project.status === 'agreement_pending';
  const canSign = pending && can('manage:project') && project.actions.includes('sign');
  return (
    <>
      <Alert
        type={pending ? 'warning' : 'success'}
        showIcon
        className="card-gap"
        title={pending ? '项目合作协议尚待签订' : '项目合作协议已签订'}
        description={
          pending
            ? '第十条：立项后，创新服务中心与依托单位签订项目合作协议。中心上传双方签字盖章的协议扫描件并登记签订日期后，项目进入实施。'
            : '第十条：协议经双方签字盖章生效。此后协议内容的任何调整须经工作调整申请批准（第十一条），形成协议新版本。'
        }
      />
      {canSign && <SignForm project={project} />}
      <Card size="small" title="签订情况">
        <Descriptions
          bordered
          size="small"
          column={1}
          items={[
            { key: 'h', label: '乙方（依托单位）签订日期', children: project.hostSignedOn ?? '—' },
            { key: 'c', label: '甲方签订日期', children: project.centerSignedOn ?? '—' },
            { key: 'f', label: '签字盖章的协议扫描件', children: <SignedScan project={project} /> },
          ]}
        />
      </Card>
    </>
  );
}
