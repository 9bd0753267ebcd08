// 实地考察 (第十条): the Center records the visit (date, people including the district association's, findings) and
// uploads photos; the records are read by those who see the application.
import { CameraOutlined, FileOutlined, PlusOutlined } from '@ant-design/icons';
import { Alert, App, Button, Card, DatePicker, Descriptions, Form, Image, Input, Modal, Progress, Upload } from 'antd';
import { useState } from 'react';
import { siteVisitSchema } from '../../../shared/schemas/application';
import { dateProps } from '../../components/form-fields';
import { ApiError } from '../../lib/api';
import { checkFile } from '../../lib/files';
import { applyApiError, validated, zodRule } from '../../lib/form';
import {
  type ApplicationDetail,
  photoUrl,
  type SiteVisit,
  uploadSiteVisitPhoto,
  useInvalidateSiteVisits,
  useRecordSiteVisit,
  useSiteVisits,
} from './api';

const shape = siteVisitSchema.shape;
const PHOTO_EXTENSIONS = ['.jpg', '.jpeg', '.png', '.pdf'];
const REVIEWABLE = ['submitted', 'recommended', 'under_review'];

function SiteVisitForm({ app, onClose }: { app: ApplicationDetail; onClose: () => void }) {
  const { message } = App.useApp();
  const [form] = Form.useForm();
  const record = useRecordSiteVisit(app.id);
  const [error, setError] = useState<string | null>(null);
  return (
    <Modal
      open
      title={`登记实地考察 · ${app.stationName}`}
      okText="保存"
      cancelText="取消"
      width={640}
      confirmLoading={record.isPending}
      onCancel={onClose}
      onOk={async () => {
        const v = await validated(form);
        if (!v) return;
        setError(null);
        try {
          await record.mutateAsync(v);
          message.success('已登记实地考察，可继续上传现场照片');
          onClose();
        } catch (e) {
          if (!applyApiError(form, e)) setError(e instanceof ApiError ? e.message : '保存失败，请稍后重试');
        }
      }}
      destroyOnHidden
    >
      {error && <Alert type="error" showIcon title={error} style={{ marginBottom: 12 }} />}
      <Form form={form} layout="vertical">
        <Form.Item name="visitedOn" label="考察日期" required rules={[zodRule(shape.visitedOn, null)]} {...dateProps}>
          <DatePicker style={{ width: 200 }} />
        </Form.Item>
        <Form.Item name="participants" label="考察人员" required rules={[zodRule(shape.participants)]}>
          <Input maxLength={500} placeholder="创新服务中心及评审专家，如：张三（中心）、李四（专家）" />
        </Form.Item>
        <Form.Item
          name="districtParticipants"
          label="区科协参加人员"
          required
          rules={[zodRule(shape.districtParticipants)]}
          extra="第十条：实地考察由区科协参与"
        >
          <Input maxLength={500} />
        </Form.Item>
        <Form.Item name="findings" label="考察情况" required rules={[zodRule(shape.findings)]}>
          <Input.TextArea rows={5} maxLength={10000} showCount />
        </Form.Item>
      </Form>
    </Modal>
  );
}

function Photos({ app, visit, canWrite }: { app: ApplicationDetail; visit: SiteVisit; canWrite: boolean }) {
  const { message } = App.useApp();
  const invalidate = useInvalidateSiteVisits(app.id);
  const [uploading, setUploading] = useState<{ name: string; percent: number } | null>(null);
  return (
    <div>
      <div style={{ display: 'flex', flexWrap: 'wrap', gap: 8, alignItems: 'center' }}>
        <Image.PreviewGroup>
          {visit.photos
            .filter((p) => p.mime.startsWith('image/'))
            .map((p) => (
              <Image
                key={p.id}
                src={photoUrl(app.id, visit.id, p.id)}
                alt={p.fileName}
                width={96}
                height={72}
                style={{ objectFit: 'cover', borderRadius: 4, border: '1px solid #f0f0f0' }}
              />
            ))}
        </Image.PreviewGroup>
        {visit.photos
          .filter((p) => !p.mime.startsWith('image/'))
          .map((p) => (
            <a key={p.id} href={photoUrl(app.id, visit.id, p.id)} download={p.fileName}>
              <FileOutlined aria-hidden /> {p.fileName}
            </a>
          ))}
        {!visit.photos.length && <span style={{ color: 'rgba(0,0,0,0.35)' }}>暂无照片</span>}
        {canWrite && (
          <Upload
            showUploadList={false}
            accept={PHOTO_EXTENSIONS.join(',')}
            beforeUpload={(f) => {
              const problem = checkFile(f, PHOTO_EXTENSIONS);
              if (problem) {
                message.error(problem);
                return Upload.LIST_IGNORE;
              }
              return true;
            }}
            customRequest={({ file, onSuccess, onError }) => {
              const f = file as File;
              setUploading({ name: f.name, percent: 0 });
              uploadSiteVisitPhoto({
                id: app.id,
                visitId: visit.id,
                file: f,
                onProgress: (percent) => setUploading({ name: f.name, percent }),
              }).then(
                (r) => {
                  onSuccess?.(r);
                  setUploading(null);
                  invalidate();
                  message.success(`已上传照片“${f.name}”`);
                },
                (e) => {
                  onError?.(e as Error);
                  setUploading(null);
                },
              );
            }}
          >
            <Button size="small" icon={<CameraOutlined aria-hidden />}>
              上传照片
            </Button>
          </Upload>
        )}
      </div>
      {uploading && (
        <Progress percent={uploading.percent} size="small" status="active" aria-label={`上传 ${uploading.name}`} />
      )}
    </div>
  );
}

export function SiteVisitPanel({ app, canWrite }: { app: ApplicationDetail; canWrite: boolean }) {
  const list = useSiteVisits(app.id, true);
  const [adding, setAdding] = useState(false);
  const items = list.data ?? [];
  const canAdd = canWrite && REVIEWABLE.includes(app.status);
  if (!canWrite && !items.length) return null;
  return (
    <Card
      size="small"
      title="实地考察（第十条）"
      className="card-gap"
      extra={
        canAdd && (
          <Button size="small" icon={<PlusOutlined aria-hidden />} onClick={() => setAdding(true)}>
            登记实地考察
          </Button>
        )
      }
    >
      {!items.length && <span style={{ color: 'rgba(0,0,0,0.45)' }}>尚未登记实地考察（根据需要组织，区科协参与）</span>}
      {items.map((i) => (
        <Descriptions
          key={i.id}
          bordered
          size="small"
          column={2}
          style={{ marginBottom: 12 }}
          items={[
            { key: 'd', label: '考察日期', children: i.visitedOn },
            { key: 'p', label: '考察人员', children: i.participants },
            { key: 'dp', label: '区科协参加人员', span: 2, children: i.districtParticipants },
            {
              key: 'f',
              label: '考察情况',
              span: 2,
              children: <span style={{ whiteSpace: 'pre-wrap' }}>{i.findings}</span>,
            },
            {
              key: 'ph',
              label: '现场照片',
              span: 2,
              children: <Photos app={app} visit={i} canWrite={canWrite} />,
            },
          ]}
        />
      ))}
      {adding && <SiteVisitForm app={app} onClose={() => setAdding(false)} />}
    </Card>
  );
}
