// 佐证材料 of one event (第十三条), shown in the event's expanded row: one block per kind (活动方案、活动照片、会议纪要、
// 新闻稿), images as thumbnails, other files as download links, each labelled with the kind it is filed under; the host
// uploads (with progress), on a phone also straight from the camera, and deletes (after a confirmation).
import { CameraOutlined, DeleteOutlined, FileOutlined, UploadOutlined } from '@ant-design/icons';
import { Alert, App, Button, Image, Popconfirm, Progress, Tag, Tooltip, Upload, type UploadProps } from 'antd';
import { useState } from 'react';
import { EVIDENCE_KINDS, type EvidenceKind } from '../../../domain/ledger/codes';
import { EVIDENCE_KIND_LABELS } from '../../../shared/labels';
import { useIsPhone } from '../../components/use-phone';
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
import { EVIDENCE_EXTENSIONS, isEvidenced } from './ledger-helpers';

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
    <figure aria-label={name} style={{ margin: 0, minWidth: 0, maxWidth: 260 }}>
      <div style={{ minWidth: 0, overflow: 'hidden', textOverflow: 'ellipsis', whiteSpace: 'nowrap' }}>{body}</div>
      <figcaption style={{ display: 'flex', alignItems: 'center', gap: 4, marginTop: 4, fontSize: 12 }}>
        {/* The kind the server filed it under, not the block's: a misfiled upload would show here. */}
        <Tag color="blue" style={{ marginInlineEnd: 0 }}>
          {EVIDENCE_KIND_LABELS[item.kind] ?? item.kind}
        </Tag>
        {item.attachmentId && item.mime?.startsWith('image/') && (
          <span
            style={{ minWidth: 0, overflow: 'hidden', textOverflow: 'ellipsis', whiteSpace: 'nowrap' }}
            title={name}
          >
            {name}
          </span>
        )}
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
      </figcaption>
    </figure>
  );
}

type Pending = Record<string, { name: string; percent: number }>;

/**
 * The uploads of one block. `kind` is this block's own, fixed for the life of the component: whichever of its
 * buttons the file came through, it is filed under this kind and no other (a photo taken under 活动照片 once went to
 * 会议纪要 when four narrow blocks let one block's button cover its neighbour's).
 */
function useKindUpload({ stationId, eventId, kind }: { stationId: string; eventId: string; kind: EvidenceKind }) {
  const { message } = App.useApp();
  const invalidate = useInvalidateLedger(stationId);
  const [pending, setPending] = useState<Pending>({});
  const track = (uid: string, v: { name: string; percent: number } | null) =>
    setPending((p) => {
      const next = { ...p };
      if (v) next[uid] = v;
      else delete next[uid];
      return next;
    });
  const label = EVIDENCE_KIND_LABELS[kind];
  const props: UploadProps = {
    multiple: true,
    showUploadList: false,
    beforeUpload: (f) => {
      const problem = checkFile(f, EVIDENCE_EXTENSIONS);
      if (problem) {
        message.error(problem);
        return Upload.LIST_IGNORE;
      }
      return true;
    },
    customRequest: ({ file, onProgress, onSuccess, onError }) => {
      const f = file as File & { uid: string };
      track(f.uid, { name: f.name, percent: 0 });
      uploadEvidence({
        stationId,
        eventId,
        kind,
        file: f,
        onProgress: (percent) => {
          onProgress?.({ percent });
          track(f.uid, { name: f.name, percent });
        },
      }).then(
        (r) => {
          onSuccess?.(r);
          track(f.uid, null);
          invalidate();
          message.success(`已上传到“${label}”：${f.name}`);
        },
        (e) => {
          onError?.(e as Error);
          track(f.uid, null);
        },
      );
    },
  };
  return { props, pending };
}

function EvidenceBlock({
  stationId,
  event,
  kind,
  canWrite,
}: {
  stationId: string;
  event: EventRecord;
  kind: EvidenceKind;
  canWrite: boolean;
}) {
  const phone = useIsPhone();
  const { props, pending } = useKindUpload({ stationId, eventId: event.id, kind });
  const label = EVIDENCE_KIND_LABELS[kind];
  const items = event.evidence.filter((v) => v.kind === kind);
  const size = phone ? 'middle' : 'small';
  return (
    // Its own box that clips what it holds: no button of one block can reach over another block's area.
    <section
      aria-label={label}
      style={{
        minWidth: 0,
        overflow: 'hidden',
        border: '1px solid #f0f0f0',
        borderRadius: 6,
        padding: 10,
        background: '#fff',
      }}
    >
      <div style={{ display: 'flex', flexWrap: 'wrap', justifyContent: 'space-between', alignItems: 'center', gap: 8 }}>
        <strong>
          {label}
          <span style={{ color: 'rgba(0,0,0,0.45)', fontWeight: 400 }}>（{items.length}）</span>
        </strong>
        {canWrite && (
          <div style={{ display: 'flex', gap: 8 }}>
            {/* The camera, on a phone only: a PC has none, and its file dialog is the 上传 button's. */}
            {phone && (
              <Upload {...props} accept="image/*" capture="environment">
                <Button size={size} icon={<CameraOutlined aria-hidden />} aria-label={`拍照上传${label}`}>
                  拍照
                </Button>
              </Upload>
            )}
            <Upload {...props} accept={EVIDENCE_EXTENSIONS.join(',')}>
              <Button size={size} icon={<UploadOutlined aria-hidden />} aria-label={`上传${label}`}>
                上传
              </Button>
            </Upload>
          </div>
        )}
      </div>
      <div style={{ display: 'flex', flexWrap: 'wrap', gap: 10, marginTop: 8 }}>
        {items.length === 0 && Object.keys(pending).length === 0 && (
          <span style={{ color: 'rgba(0,0,0,0.35)' }}>暂无</span>
        )}
        {items.map((item) => (
          <EvidenceItem key={item.id} stationId={stationId} eventId={event.id} item={item} canWrite={canWrite} />
        ))}
      </div>
      {Object.entries(pending).map(([uid, u]) => (
        <div key={uid} style={{ marginTop: 6 }}>
          <div style={{ fontSize: 12, overflow: 'hidden', textOverflow: 'ellipsis', whiteSpace: 'nowrap' }}>
            {u.name}
          </div>
          <Progress percent={u.percent} size="small" status="active" aria-label={`上传 ${u.name}`} />
        </div>
      ))}
    </section>
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
  const phone = useIsPhone();
  return (
    <div style={{ padding: phone ? 0 : '4px 8px' }}>
      {!isEvidenced(event) && (
        <Alert
          type="warning"
          showIcon
          style={{ marginBottom: 12 }}
          title="该活动还没有活动方案、照片或会议纪要：第十三条要求每场活动留存其中至少一种佐证材料，新闻报道不能单独作为佐证"
        />
      )}
      {/* One column on a phone; on a PC as many as fit, each at least 220 px wide so its buttons fit inside it. */}
      <div
        style={{
          display: 'grid',
          gridTemplateColumns: phone ? 'minmax(0, 1fr)' : 'repeat(auto-fill, minmax(220px, 1fr))',
          gap: 12,
        }}
      >
        {EVIDENCE_KINDS.map((kind) => (
          <EvidenceBlock key={kind} stationId={stationId} event={event} kind={kind} canWrite={canWrite} />
        ))}
      </div>
      <div style={{ color: 'rgba(0,0,0,0.45)', fontSize: 12, marginTop: 8 }}>
        支持 JPG、PNG、PDF、Word（.docx）、Excel（.xlsx），单个文件不超过 50 MB
        {phone && canWrite && '；“拍照”直接调用手机相机'}
      </div>
    </div>
  );
}
