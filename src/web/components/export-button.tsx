import { DownloadOutlined } from '@ant-design/icons';
import { App, Button } from 'antd';
import { useState } from 'react';
import { download } from '../lib/api';

/** 导出 Excel: downloads the server's xlsx of the current filters with the session cookie. */
export function ExportButton({ path, label = '导出 Excel' }: { path: string; label?: string }) {
  const { message } = App.useApp();
  const [busy, setBusy] = useState(false);
  return (
    <Button
      icon={<DownloadOutlined aria-hidden />}
      loading={busy}
      onClick={async () => {
        setBusy(true);
        try {
          const name = await download(path);
          message.success(`已导出“${name}”`);
        } catch {
          // the API client has shown the error
        } finally {
          setBusy(false);
        }
      }}
    >
      {label}
    </Button>
  );
}
