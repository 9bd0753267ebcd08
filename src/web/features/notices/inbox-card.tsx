// 我的待办 on the home page: what waits for this account (computed by the server from the lifecycle, by role and
// scope), each a link to where it is done, with its due date; and the reminders written before due dates.
import { BellOutlined, CheckSquareOutlined, RightOutlined } from '@ant-design/icons';
import { Alert, Button, Empty, Skeleton, Space, Tag } from 'antd';
import { useState } from 'react';
import { Link } from 'react-router';
import { Panel } from '../../components/panel';
import { type InboxTask, useInbox } from './api';
import { dueTag, sortTasks } from './inbox-helpers';

const SHOWN = 6;

function TaskRow({ task, today, last }: { task: InboxTask; today: string; last: boolean }) {
  const due = dueTag(task, today);
  return (
    <li
      style={{
        display: 'flex',
        alignItems: 'center',
        gap: 12,
        padding: '8px 0',
        borderBottom: last ? undefined : '1px solid #f0f0f0',
      }}
    >
      <Link
        to={task.link}
        style={{ flex: 1, minWidth: 0, overflow: 'hidden', textOverflow: 'ellipsis', whiteSpace: 'nowrap' }}
        title={task.title}
      >
        {task.title}
      </Link>
      <Tag style={{ marginInlineEnd: 0 }}>{task.article}</Tag>
      <span style={{ width: 150, textAlign: 'right', flex: 'none' }}>
        {due ? (
          // The browser's own hint: antd's Tooltip was 5 kB on the wire of a host's home on a phone, which has no hover.
          <Tag color={due.color} style={{ marginInlineEnd: 0 }} aria-label={due.hint} title={due.hint}>
            {due.color === 'default' ? due.label : `${due.label} · ${task.dueOn}`}
          </Tag>
        ) : (
          <span style={{ color: 'rgba(0,0,0,0.35)' }}>无截止日期</span>
        )}
      </span>
    </li>
  );
}

export function InboxCard() {
  const inbox = useInbox();
  const [all, setAll] = useState(false);
  const tasks = sortTasks(inbox.data?.tasks ?? []);
  const reminders = inbox.data?.reminders ?? [];
  const overdue = tasks.filter((t) => t.overdue).length;
  const soon = tasks.filter((t) => t.dueSoon).length;
  const shown = all ? tasks : tasks.slice(0, SHOWN);

  return (
    <Panel
      className="card-gap"
      title={
        <span className="panel-title-line">
          <CheckSquareOutlined aria-hidden style={{ color: '#1677ff' }} />
          <span>我的待办</span>
          {inbox.data && <span style={{ color: 'rgba(0,0,0,0.45)', fontWeight: 400 }}>共 {tasks.length} 项</span>}
        </span>
      }
      extra={
        <Space size={4}>
          {overdue > 0 && <Tag color="red">已逾期 {overdue}</Tag>}
          {soon > 0 && <Tag color="orange">即将到期 {soon}</Tag>}
        </Space>
      }
    >
      {inbox.isPending ? (
        <Skeleton active title={false} paragraph={{ rows: 2 }} />
      ) : inbox.isError ? (
        <Space>
          <span style={{ color: 'rgba(0,0,0,0.55)' }}>待办事项暂时无法加载。</span>
          <Button size="small" onClick={() => inbox.refetch()}>
            重试
          </Button>
        </Space>
      ) : (
        <>
          {reminders.length > 0 && (
            <div style={{ display: 'flex', flexDirection: 'column', gap: 6, marginBottom: tasks.length ? 8 : 0 }}>
              {reminders.map((r) => (
                <Alert
                  key={r.key}
                  type="warning"
                  showIcon
                  icon={<BellOutlined aria-hidden />}
                  title={
                    <Link to={r.link}>
                      {r.title} <RightOutlined aria-hidden style={{ fontSize: 10 }} />
                    </Link>
                  }
                />
              ))}
            </div>
          )}
          {tasks.length === 0 ? (
            reminders.length === 0 && (
              <Empty
                image={Empty.PRESENTED_IMAGE_SIMPLE}
                style={{ margin: '8px 0' }}
                description={
                  <>
                    <div>暂无待办事项</div>
                    <div style={{ color: 'rgba(0,0,0,0.45)', fontSize: 12 }}>
                      需要您处理的申报、审批、报告和验收事项会出现在这里
                    </div>
                  </>
                }
              />
            )
          ) : (
            <>
              <ul style={{ listStyle: 'none', margin: 0, padding: 0 }} aria-label="待办事项">
                {shown.map((t, i) => (
                  <TaskRow key={t.key} task={t} today={inbox.data.today} last={i === shown.length - 1} />
                ))}
              </ul>
              {tasks.length > SHOWN && (
                <Button
                  type="link"
                  size="small"
                  style={{ paddingInline: 0, marginTop: 4 }}
                  onClick={() => setAll(!all)}
                >
                  {all ? '收起' : `查看全部 ${tasks.length} 项`}
                </Button>
              )}
            </>
          )}
        </>
      )}
    </Panel>
  );
}
