// The outcome of a page that cannot show its content (not found, no access, an error) or of a finished action.
// antd's Result carries three large illustrations (404, 403, 500) in every page's bundle, some 9 kB compressed that a
// phone downloads before any page is usable (issue 16); this one draws an icon in their place and keeps its props.
import {
  CheckCircleFilled,
  CloseCircleFilled,
  ExclamationCircleFilled,
  FileSearchOutlined,
  InfoCircleFilled,
  StopOutlined,
} from '@ant-design/icons';
import { theme } from 'antd';
import type { ReactNode } from 'react';

export type ResultStatus = 'success' | 'error' | 'info' | 'warning' | '404' | '403' | '500';

export interface ResultProps {
  status?: ResultStatus;
  title?: ReactNode;
  subTitle?: ReactNode;
  extra?: ReactNode;
  children?: ReactNode;
}

export function Result({ status = 'info', title, subTitle, extra, children }: ResultProps) {
  const { token } = theme.useToken();
  const icon = {
    success: <CheckCircleFilled style={{ color: token.colorSuccess }} />,
    error: <CloseCircleFilled style={{ color: token.colorError }} />,
    '500': <CloseCircleFilled style={{ color: token.colorError }} />,
    info: <InfoCircleFilled style={{ color: token.colorPrimary }} />,
    warning: <ExclamationCircleFilled style={{ color: token.colorWarning }} />,
    '404': <FileSearchOutlined style={{ color: token.colorTextQuaternary }} />,
    '403': <StopOutlined style={{ color: token.colorTextQuaternary }} />,
  }[status];
  return (
    <div className="result" style={{ padding: '48px 24px', textAlign: 'center' }}>
      <div aria-hidden style={{ fontSize: 72, lineHeight: 1, marginBottom: 24 }}>
        {icon}
      </div>
      {title && <div style={{ color: token.colorTextHeading, fontSize: 24, lineHeight: 1.35 }}>{title}</div>}
      {subTitle && (
        <div style={{ color: token.colorTextDescription, fontSize: 14, lineHeight: 1.6, marginTop: 4 }}>{subTitle}</div>
      )}
      {extra && (
        <div style={{ marginTop: 24, display: 'flex', gap: 8, justifyContent: 'center', flexWrap: 'wrap' }}>
          {extra}
        </div>
      )}
      {children && <div style={{ marginTop: 24, textAlign: 'left' }}>{children}</div>}
    </div>
  );
}
