import { DownloadOutlined, FileProtectOutlined, SafetyCertificateOutlined } from '@ant-design/icons';
import { Alert, App, Button, Upload } from 'antd';
import { type ReactNode, useState } from 'react';
import { formatInstant } from '../../lib/format';
import { type ChainVerification, downloadCheckpoint, verifyChain } from './api';

// 等保 审计记录保护 (decision 017): the chain is checked with the server's AUDIT_KEY; a checkpoint downloaded earlier and
// kept outside the system also proves that nothing was cut off the end since.

/** The checkpoint file's text, at most this long: a genuine one is a few hundred bytes. */
const MAX_CHECKPOINT_CHARS = 2000;

function resultTitle(v: ChainVerification): string {
  const cp = v.checkpoint;
  if (v.ok) {
    const base = `哈希链完整：已校验 ${v.checked} 条记录，未发现篡改`;
    return cp ? `${base}；与检查点一致（第 ${cp.seq} 条，签发于 ${formatInstant(cp.at)}）` : base;
  }
  if (v.firstBadSeq === null) return '检查点核对失败';
  return `${cp ? '与检查点核对失败' : '哈希链校验失败'}：第 ${v.firstBadSeq} 条起异常`;
}

export function useChainCheck(): { buttons: ReactNode; alert: ReactNode } {
  const { message } = App.useApp();
  const [busy, setBusy] = useState<'verify' | 'checkpoint' | 'download' | null>(null);
  const [result, setResult] = useState<ChainVerification | null>(null);

  async function run(kind: 'verify' | 'checkpoint', checkpoint?: string) {
    setBusy(kind);
    try {
      setResult(await verifyChain(checkpoint));
    } catch {
      // shown centrally
    } finally {
      setBusy(null);
    }
  }
  async function download() {
    setBusy('download');
    try {
      const name = await downloadCheckpoint();
      message.success(`已下载“${name}”，请保存到系统之外（离线介质或另一台主机）`);
    } catch {
      // shown centrally
    } finally {
      setBusy(null);
    }
  }

  const buttons = (
    <>
      <Button
        icon={<SafetyCertificateOutlined aria-hidden />}
        loading={busy === 'verify'}
        onClick={() => run('verify')}
      >
        校验哈希链
      </Button>
      <Button icon={<DownloadOutlined aria-hidden />} loading={busy === 'download'} onClick={download}>
        下载检查点
      </Button>
      <Upload
        accept=".json,application/json"
        showUploadList={false}
        beforeUpload={(file) => {
          file
            .text()
            .then((text) => {
              if (text.length > MAX_CHECKPOINT_CHARS) {
                message.error('检查点文件过大：请选择由“下载检查点”或 bin/qianqi audit checkpoint 得到的文件');
                return;
              }
              return run('checkpoint', text);
            })
            .catch(() => message.error('无法读取所选文件'));
          return false;
        }}
      >
        <Button icon={<FileProtectOutlined aria-hidden />} loading={busy === 'checkpoint'}>
          核对检查点
        </Button>
      </Upload>
    </>
  );

  const alert = result && (
    <Alert
      className="card-gap"
      showIcon
      closable={{ onClose: () => setResult(null) }}
      type={result.ok ? 'success' : 'error'}
      title={resultTitle(result)}
      description={
        result.ok
          ? result.keyedFrom > 1
            ? `第 1–${result.keyedFrom - 1} 条为启用密钥前的 SHA-256 记录`
            : undefined
          : `${result.reason ?? ''}${result.firstBadSeq === null ? '' : `（此前 ${result.checked} 条正常）`}`
      }
    />
  );
  return { buttons, alert };
}
