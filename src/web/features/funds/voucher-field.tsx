// 凭证 of one expense (发票、收据、转账记录): each file is uploaded as soon as it is chosen (so a large scan shows its
// progress), then listed with its kind; the booking links the uploaded files by their attachment ids.
import { CameraOutlined, DeleteOutlined, FileOutlined, UploadOutlined } from '@ant-design/icons';
import { App, Button, Progress, Select, Upload, type UploadProps } from 'antd';
import { useRef, useState } from 'react';
import type { VoucherKind } from '../../../shared/schemas/funds';
import { useIsPhone } from '../../components/use-phone';
import { checkFile } from '../../lib/files';
import { attachmentUrl, uploadVoucher } from './api';
import { VOUCHER_EXTENSIONS, VOUCHER_KIND_OPTIONS } from './labels';

export interface VoucherValue {
  attachmentId: string;
  fileName: string;
  kind: VoucherKind;
}

export function VoucherField({
  id,
  value = [],
  onChange,
  stationId,
  onBusyChange,
}: {
  id?: string;
  value?: VoucherValue[];
  onChange?: (v: VoucherValue[]) => void;
  stationId: string;
  onBusyChange: (busy: boolean) => void;
}) {
  const { message } = App.useApp();
  const phone = useIsPhone();
  // Several files upload at once: each completion appends to the latest list, not to the one of its render.
  const latest = useRef(value);
  latest.current = value;
  const [pending, setPending] = useState<Record<string, { name: string; percent: number }>>({});
  const busy = useRef(0);
  const set = (next: VoucherValue[]) => {
    latest.current = next;
    onChange?.(next);
  };
  const track = (uid: string, v: { name: string; percent: number } | null) =>
    setPending((p) => {
      const next = { ...p };
      if (v) next[uid] = v;
      else delete next[uid];
      return next;
    });

  const upload: UploadProps = {
    multiple: true,
    showUploadList: false,
    beforeUpload: (f) => {
      const problem = checkFile(f, VOUCHER_EXTENSIONS);
      if (problem) {
        message.error(problem);
        return Upload.LIST_IGNORE;
      }
      return true;
    },
    customRequest: ({ file }) => {
      const f = file as File & { uid: string };
      busy.current += 1;
      onBusyChange(true);
      track(f.uid, { name: f.name, percent: 0 });
      const done = () => {
        track(f.uid, null);
        busy.current -= 1;
        if (!busy.current) onBusyChange(false);
      };
      uploadVoucher(stationId, f, (percent) => track(f.uid, { name: f.name, percent })).then((r) => {
        done();
        set([...latest.current, { attachmentId: r.attachmentId, fileName: r.fileName, kind: 'invoice' }]);
      }, done);
    },
  };

  return (
    <div>
      <div style={{ display: 'flex', flexWrap: 'wrap', gap: 8 }}>
        <Upload {...upload} id={id} accept={VOUCHER_EXTENSIONS.join(',')}>
          <Button icon={<UploadOutlined aria-hidden />}>上传凭证</Button>
        </Upload>
        {/* A receipt photographed where it is handed over: the camera, on a phone (a PC has none). */}
        {phone && (
          <Upload {...upload} accept="image/*" capture="environment">
            <Button icon={<CameraOutlined aria-hidden />} aria-label="拍照上传凭证">
              拍照
            </Button>
          </Upload>
        )}
      </div>
      <ul aria-label="已上传凭证" style={{ listStyle: 'none', padding: 0, margin: value.length ? '8px 0 0' : 0 }}>
        {value.map((v) => (
          <li key={v.attachmentId} style={{ display: 'flex', alignItems: 'center', gap: 8, marginBottom: 6 }}>
            <a
              href={attachmentUrl(stationId, v.attachmentId)}
              download={v.fileName}
              style={{ flex: 1, minWidth: 0, overflow: 'hidden', textOverflow: 'ellipsis', whiteSpace: 'nowrap' }}
            >
              <FileOutlined aria-hidden /> {v.fileName}
            </a>
            <Select
              size="small"
              style={{ width: 120 }}
              aria-label={`凭证类型：${v.fileName}`}
              value={v.kind}
              options={VOUCHER_KIND_OPTIONS}
              onChange={(kind: VoucherKind) =>
                set(latest.current.map((x) => (x.attachmentId === v.attachmentId ? { ...x, kind } : x)))
              }
            />
            <Button
              type="text"
              size="small"
              danger
              icon={<DeleteOutlined aria-hidden />}
              aria-label={`移除凭证 ${v.fileName}`}
              onClick={() => set(latest.current.filter((x) => x.attachmentId !== v.attachmentId))}
            />
          </li>
        ))}
      </ul>
      {Object.entries(pending).map(([uid, u]) => (
        <div key={uid}>
          <div style={{ fontSize: 12 }}>{u.name}</div>
          <Progress percent={u.percent} size="small" status="active" aria-label={`上传 ${u.name}`} />
        </div>
      ))}
    </div>
  );
}
