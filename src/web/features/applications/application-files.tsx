// 申报材料: one box per purpose (the call's required documents, then 其他材料). The host uploads with progress and deletes
// while the application is editable; everyone in scope downloads.
import { DeleteOutlined, FileOutlined, UploadOutlined } from '@ant-design/icons';
import { App, Button, Card, Popconfirm, Progress, Tag, Upload } from 'antd';
import { useRef, useState } from 'react';
import { DOCUMENT_LABELS } from '../../../domain/lifecycle/application-rules';
import { APPLICATION_FILE_PURPOSES, type ApplicationFilePurpose } from '../../../shared/schemas/application';
import { checkFile } from '../../lib/files';
import { formatInstant, formatSize } from '../../lib/format';
import { type ApplicationDetail, fileUrl, uploadApplicationFile, useRemoveFile, useUploadApplied } from './api';

export const APPLICATION_EXTENSIONS = ['.pdf', '.docx', '.jpg', '.jpeg', '.png'];

// A call requires only documents of these purposes (its schema says so), so the filter drops nothing in practice.
const isFilePurpose = (p: string): p is ApplicationFilePurpose =>
  (APPLICATION_FILE_PURPOSES as readonly string[]).includes(p);

export function ApplicationFiles({
  app,
  canWrite,
  narrow = false,
}: {
  app: ApplicationDetail;
  canWrite: boolean;
  /** one box a row: a reviewer's pane beside the scoring form, or a phone */
  narrow?: boolean;
}) {
  const { message } = App.useApp();
  const applied = useUploadApplied();
  const remove = useRemoveFile();
  // One upload at a time: each one bumps the application's version, so two at once would refuse each other.
  const queue = useRef<Promise<unknown>>(Promise.resolve());
  const [pending, setPending] = useState<Record<string, { name: string; percent: number; purpose: string }>>({});
  const required = new Set(app.requiredDocuments.map((d) => d.purpose));
  const purposes = [...app.requiredDocuments.map((d) => d.purpose), ...APPLICATION_FILE_PURPOSES]
    .filter(isFilePurpose)
    .filter((p, i, all) => all.indexOf(p) === i);
  const setUpload = (uid: string, v: { name: string; percent: number; purpose: string } | null) =>
    setPending((u) => {
      const next = { ...u };
      if (v) next[uid] = v;
      else delete next[uid];
      return next;
    });

  return (
    <Card id="sec-files" size="small" title="申报材料" className="card-gap" style={{ scrollMarginTop: 72 }}>
      <div style={{ display: 'grid', gridTemplateColumns: `repeat(${narrow ? 1 : 3}, minmax(0, 1fr))`, gap: 12 }}>
        {purposes.map((purpose) => {
          const label = DOCUMENT_LABELS[purpose] ?? purpose;
          const files = app.files.filter((f) => f.purpose === purpose);
          const uploading = Object.entries(pending).filter(([, u]) => u.purpose === purpose);
          return (
            <section
              key={purpose}
              aria-label={label}
              style={{ border: '1px solid #f0f0f0', borderRadius: 6, padding: 10, minWidth: 0 }}
            >
              <div style={{ display: 'flex', justifyContent: 'space-between', alignItems: 'center', marginBottom: 8 }}>
                <strong>
                  {label}
                  {required.has(purpose) ? (
                    <Tag color={files.length ? 'success' : 'error'} style={{ marginLeft: 6 }}>
                      {files.length ? '已上传' : '必须上传'}
                    </Tag>
                  ) : null}
                </strong>
                {canWrite && (
                  <Upload
                    multiple
                    showUploadList={false}
                    accept={APPLICATION_EXTENSIONS.join(',')}
                    beforeUpload={(f) => {
                      const problem = checkFile(f, APPLICATION_EXTENSIONS);
                      if (problem) {
                        message.error(problem);
                        return Upload.LIST_IGNORE;
                      }
                      return true;
                    }}
                    customRequest={({ file, onProgress, onSuccess, onError }) => {
                      const f = file as File & { uid: string };
                      setUpload(f.uid, { name: f.name, percent: 0, purpose });
                      const run = queue.current.then(() =>
                        uploadApplicationFile({
                          id: app.id,
                          purpose,
                          file: f,
                          onProgress: (percent) => {
                            onProgress?.({ percent });
                            setUpload(f.uid, { name: f.name, percent, purpose });
                          },
                        }),
                      );
                      queue.current = run.catch(() => {});
                      run.then(
                        (d) => {
                          onSuccess?.(d);
                          setUpload(f.uid, null);
                          applied(d);
                          message.success(`已上传${label}“${f.name}”`);
                        },
                        (e) => {
                          onError?.(e as Error);
                          setUpload(f.uid, null);
                        },
                      );
                    }}
                  >
                    <Button size="small" icon={<UploadOutlined aria-hidden />} aria-label={`上传${label}`}>
                      上传
                    </Button>
                  </Upload>
                )}
              </div>
              {files.length === 0 && uploading.length === 0 && <span style={{ color: 'rgba(0,0,0,0.35)' }}>暂无</span>}
              {files.map((f) => (
                <div key={f.id} style={{ display: 'flex', alignItems: 'center', gap: 4, minWidth: 0 }}>
                  <a
                    href={fileUrl(app.id, f.id)}
                    download={f.fileName}
                    title={`下载 ${f.fileName}（${formatInstant(f.createdAt)} 上传）`}
                    style={{ minWidth: 0, overflow: 'hidden', textOverflow: 'ellipsis', whiteSpace: 'nowrap' }}
                  >
                    <FileOutlined aria-hidden /> {f.fileName}
                  </a>
                  <span style={{ color: 'rgba(0,0,0,0.45)', flex: 'none' }}>{formatSize(f.size)}</span>
                  {canWrite && (
                    <Popconfirm
                      title="删除申报材料"
                      description={`确定删除“${f.fileName}”？`}
                      okText="删除"
                      okButtonProps={{ danger: true }}
                      cancelText="取消"
                      onConfirm={() =>
                        remove.mutateAsync({ id: app.id, fileId: f.id }).then(
                          () => message.success(`已删除“${f.fileName}”`),
                          () => {},
                        )
                      }
                    >
                      <Button
                        type="text"
                        size="small"
                        danger
                        icon={<DeleteOutlined aria-hidden />}
                        aria-label={`删除 ${f.fileName}`}
                      />
                    </Popconfirm>
                  )}
                </div>
              ))}
              {uploading.map(([uid, u]) => (
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
      {canWrite && (
        <div style={{ color: 'rgba(0,0,0,0.45)', fontSize: 12, marginTop: 8 }}>
          支持 PDF、Word（.docx）、JPG、PNG，单个文件不超过 50 MB；盖章的申报书请扫描为 PDF 上传
        </div>
      )}
    </Card>
  );
}
