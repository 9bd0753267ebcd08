// 佐证材料 of one event (第十三条), shown in the event's expanded row: by kind, images as thumbnails, other files as
// download links; the host uploads (with progress) and deletes (after a confirmation).
import { DeleteOutlined, FileOutlined, UploadOutlined } from '@ant-design/icons';
import { Alert, App, Button, Image, Popconfirm, Progress, Tag, Tooltip, Upload } from 'antd';
import { useState } from 'react';
import { EVENT_EVIDENCE_KINDS, EVIDENCE_KINDS } from '../../../domain/ledger/codes';
import { EVIDENCE_KIND_LABELS } from '../../../shared/labels';
import { checkFile } from '../../lib/files';
import { formatSize } from '../../lib/format';
import {
  attachmentUrl,
  type EventRecord,
  type Evidence,
  uploadEvidence,
  useInvalidateLedger,
  useRemoveEvidence,
} from './api';
import { EVIDENCE_EXTENSIONS } from './ledger-helpers';

/** 第十三条: a plan, photo or minutes evidences the event; a press clipping alone does not. */
export function isEvidenced(e: Pick<EventRecord, 'evidence'>): boolean {
  return e.evidence.some((v) => (EVENT_EVIDENCE_KINDS as readonly string[]).includes(v.kind));
}

function EvidenceItem({
  stationId,
  eventId,
  item,
  canWrite,
}: {
  stationId: string;
  eventId: string;
  item: Evidence;
  canWrite: boolean;
}) {
  const { message } = App.useApp();
  const remove = useRemoveEvidence(stationId);
  const name = item.fileName ?? EVIDENCE_KIND_LABELS[item.kind];
  const body = !item.attachmentId ? (
    <Tooltip title="导入的台账中登记了该材料，但没有上传文件">
      <Tag>已登记，未上传文件</Tag>
    </Tooltip>
  ) : item.mime?.startsWith('image/') ? (
    <Image
      src={attachmentUrl(stationId, item.attachmentId)}
      alt={name}
      width={88}
      height={66}
      style={{ objectFit: 'cover', borderRadius: 4, border: '1px solid #f0f0f0' }}
    />
  ) : (
    <a href={attachmentUrl(stationId, item.attachmentId)} download={item.fileName ?? undefined} title={`下载 ${name}`}>
      <FileOutlined aria-hidden /> {name}
      <span style={{ color: 'rgba(0,0,0,0.45)', marginLeft: 4 }}>{formatSize(item.size)}</span>
    </a>
  );
  return (
    <div style={{ display: 'flex', alignItems: 'center', gap: 4, maxWidth: 260 }}>
      <div style={{ minWidth: 0, overflow: 'hidden', textOverflow: 'ellipsis', whiteSpace: 'nowrap' }}>{body}</div>
      {canWrite && (
        <Popconfirm
          title="删除佐证材料"
          description={`确定删除“${name}”？删除后不可恢复。`}
          okText="删除"
          okButtonProps={{ danger: true }}
          cancelText="取消"
          onConfirm={() =>
            remove.mutateAsync({ eventId, evidenceId: item.id }).then(
              () => message.success(`已删除“${name}”`),
              () => {},
            )
          }
        >
          <Button type="text" size="small" danger icon={<DeleteOutlined aria-hidden />} aria-label={`删除 ${name}`} />
        </Popconfirm>
      )}
    </div>
  );
}

export function EvidencePanel({
  stationId,
  event,
  canWrite,
}: {
  stationId: string;
  event: EventRecord;
  canWrite: boolean;
}) {
  const { message } = App.useApp();
  const invalidate = useInvalidateLedger(stationId);
  const [uploads, setUploads] = useState<Record<string, { name: string; percent: number; kind: string }>>({});
  const setUpload = (uid: string, v: { name: string; percent: number; kind: string } | null) =>
    setUploads((u) => {
      const next = { ...u };
      if (v) next[uid] = v;
      else delete next[uid];
      return next;
    });

  return (
    <div style={{ padding: '4px 8px' }}>
      {!isEvidenced(event) && (
        <Alert
          type="warning"
          showIcon
          style={{ marginBottom: 12 }}
          title="该活动还没有活动方案、照片或会议纪要：第十三条要求每场活动留存其中至少一种佐证材料，新闻报道不能单独作为佐证"
        />
      )}
      <div style={{ display: 'grid', gridTemplateColumns: 'repeat(4, minmax(0, 1fr))', gap: 12 }}>
        {EVIDENCE_KINDS.map((kind) => {
          const items = event.evidence.filter((v) => v.kind === kind);
          const pending = Object.entries(uploads).filter(([, u]) => u.kind === kind);
          return (
            <section
              key={kind}
              aria-label={EVIDENCE_KIND_LABELS[kind]}
              style={{ border: '1px solid #f0f0f0', borderRadius: 6, padding: 10, background: '#fff' }}
            >
              <div style={{ display: 'flex', justifyContent: 'space-between', alignItems: 'center', marginBottom: 8 }}>
                <strong>
                  {EVIDENCE_KIND_LABELS[kind]}
                  <span style={{ color: 'rgba(0,0,0,0.45)', fontWeight: 400 }}>（{items.length}）</span>
                </strong>
                {canWrite && (
                  <Upload
                    multiple
                    showUploadList={false}
                    accept={EVIDENCE_EXTENSIONS.join(',')}
                    beforeUpload={(f) => {
                      const problem = checkFile(f, EVIDENCE_EXTENSIONS);
                      if (problem) {
                        message.error(problem);
                        return Upload.LIST_IGNORE;
                      }
                      return true;
                    }}
                    customRequest={({ file, onProgress, onSuccess, onError }) => {
                      const f = file as File & { uid: string };
                      setUpload(f.uid, { name: f.name, percent: 0, kind });
                      uploadEvidence({
                        stationId,
                        eventId: event.id,
                        kind,
                        file: f,
                        onProgress: (percent) => {
                          onProgress?.({ percent });
                          setUpload(f.uid, { name: f.name, percent, kind });
                        },
                      }).then(
                        (r) => {
                          onSuccess?.(r);
                          setUpload(f.uid, null);
                          invalidate();
                          message.success(`已上传${EVIDENCE_KIND_LABELS[kind]}“${f.name}”`);
                        },
                        (e) => {
                          onError?.(e as Error);
                          setUpload(f.uid, null);
                        },
                      );
                    }}
                  >
                    <Button
                      size="small"
                      icon={<UploadOutlined aria-hidden />}
                      aria-label={`上传${EVIDENCE_KIND_LABELS[kind]}`}
                    >
                      上传
                    </Button>
                  </Upload>
                )}
              </div>
              <div style={{ display: 'flex', flexWrap: 'wrap', gap: 8 }}>
                {items.length === 0 && pending.length === 0 && <span style={{ color: 'rgba(0,0,0,0.35)' }}>暂无</span>}
                {items.map((item) => (
                  <EvidenceItem
                    key={item.id}
                    stationId={stationId}
                    eventId={event.id}
                    item={item}
                    canWrite={canWrite}
                  />
                ))}
              </div>
              {pending.map(([uid, u]) => (
                <div key={uid} style={{ marginTop: 6 }}>
                  <div style={{ fontSize: 12, overflow: 'hidden', textOverflow: 'ellipsis', whiteSpace: 'nowrap' }}>
                    {u.name}
                  </div>
                  <Progress percent={u.percent} size="small" status="active" aria-label={`上传 ${u.name}`} />
                </div>
              ))}
            </section>
          );
        })}
      </div>
      <div style={{ color: 'rgba(0,0,0,0.45)', fontSize: 12, marginTop: 8 }}>
        支持 JPG、PNG、PDF、Word（.docx）、Excel（.xlsx），单个文件不超过 50 MB
      </div>
    </div>
  );
}
