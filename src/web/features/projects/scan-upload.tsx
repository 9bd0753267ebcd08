// One scan (PDF, JPG or PNG) uploaded with a progress bar: the signed agreement (第十条), a paper explanation (第十一条).
import { UploadOutlined } from '@ant-design/icons';
import { App, Button, Progress, Upload } from 'antd';
import { useState } from 'react';
import { checkFile } from '../../lib/files';

export const SCAN_EXTENSIONS = ['.pdf', '.jpg', '.jpeg', '.png'];

export function ScanUpload({
  label,
  upload,
  onDone,
  disabled,
}: {
  label: string;
  upload: (file: File, onProgress: (percent: number) => void) => Promise<unknown>;
  onDone?: (file: File) => void;
  disabled?: boolean;
}) {
  const { message } = App.useApp();
  const [progress, setProgress] = useState<{ name: string; percent: number } | null>(null);
  return (
    <div style={{ display: 'inline-flex', flexDirection: 'column', gap: 4, minWidth: 200 }}>
      <Upload
        showUploadList={false}
        accept={SCAN_EXTENSIONS.join(',')}
        disabled={disabled || progress !== null}
        beforeUpload={(f) => {
          const problem = checkFile(f, SCAN_EXTENSIONS);
          if (problem) {
            message.error(problem);
            return Upload.LIST_IGNORE;
          }
          return true;
        }}
        customRequest={({ file, onProgress, onSuccess, onError }) => {
          const f = file as File;
          setProgress({ name: f.name, percent: 0 });
          upload(f, (percent) => {
            onProgress?.({ percent });
            setProgress({ name: f.name, percent });
          }).then(
            (r) => {
              onSuccess?.(r);
              setProgress(null);
              message.success(`已上传“${f.name}”`);
              onDone?.(f);
            },
            (e) => {
              onError?.(e as Error);
              setProgress(null);
            },
          );
        }}
      >
        <Button icon={<UploadOutlined aria-hidden />} loading={progress !== null} disabled={disabled}>
          {label}
        </Button>
      </Upload>
      {progress && (
        <div>
          <div style={{ fontSize: 12, overflow: 'hidden', textOverflow: 'ellipsis', whiteSpace: 'nowrap' }}>
            {progress.name}
          </div>
          <Progress percent={progress.percent} size="small" status="active" aria-label={`上传 ${progress.name}`} />
        </div>
      )}
      <span style={{ color: 'rgba(0,0,0,0.45)', fontSize: 12 }}>支持 PDF、JPG、PNG，单个文件不超过 50 MB</span>
    </div>
  );
}
