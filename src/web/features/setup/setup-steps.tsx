// The body of 上线准备 (see setup-card.tsx), in its own chunk.
import { CheckCircleFilled, ClockCircleOutlined, CloseCircleOutlined } from '@ant-design/icons';
import { Card, Space, Steps, Tag, Typography } from 'antd';
import { Link } from 'react-router';
import type { SetupChecklistDto, SetupStepDto } from '../../../shared/schemas/setup';
import { useNav } from '../../lib/nav';
import { useCan } from '../../lib/session-context';

const GREEN = '#52c41a';
const ORANGE = '#d46b08';
const small = { display: 'block', fontSize: 12 } as const;

/** The page of a step, and whether the viewer may open it. */
function usePageOf(step: SetupStepDto) {
  const can = useCan();
  const route = useNav().routes.find((r) => r.path === step.link);
  return { label: route?.label ?? step.link, open: !!route && can(route.permission) };
}

function StepTitle({ step }: { step: SetupStepDto }) {
  const page = usePageOf(step);
  if (step.done || !page.open) return <span>{step.title}</span>;
  return <Link to={step.link}>{step.title}</Link>;
}

function StepContent({ step }: { step: SetupStepDto }) {
  const page = usePageOf(step);
  const missing = step.items.filter((i) => !i.done);
  return (
    <div style={{ paddingBottom: 4 }}>
      <div style={step.done ? undefined : { color: ORANGE }}>{step.detail}</div>
      {step.items.length > 0 && (
        <Space size={[6, 4]} wrap style={{ margin: '4px 0' }}>
          {step.items.map((i) => (
            <Tag
              key={i.role}
              color={i.done ? 'success' : 'default'}
              icon={i.done ? <CheckCircleFilled aria-label="已有" /> : <CloseCircleOutlined aria-label="缺少" />}
            >
              {i.label}
            </Tag>
          ))}
        </Space>
      )}
      {!step.done && (
        <>
          {missing.map((i) => (
            <Typography.Text key={i.role} type="secondary" style={small}>
              {i.label}：{i.hint}
            </Typography.Text>
          ))}
          <Typography.Text type="secondary" style={small}>
            {step.why}
          </Typography.Text>
          {!page.open && (
            <Typography.Text style={small}>
              由{step.whoLabel}在“{page.label}”页完成
            </Typography.Text>
          )}
        </>
      )}
    </div>
  );
}

/** The open checklist as steps, each with its article, who does it and a link. */
export default function SetupSteps({ checklist: c }: { checklist: SetupChecklistDto }) {
  return (
    <Card
      className="card-gap"
      size="small"
      title={<h3 style={{ margin: 0, fontSize: 16 }}>上线准备</h3>}
      extra={
        <Typography.Text type="secondary">
          已完成 {c.doneCount}/{c.total}
        </Typography.Text>
      }
    >
      <Steps
        orientation="vertical"
        size="small"
        items={c.steps.map((s) => ({
          status: s.done ? 'finish' : 'process',
          icon: s.done ? (
            <CheckCircleFilled style={{ color: GREEN }} aria-label="已完成" />
          ) : (
            <ClockCircleOutlined style={{ color: ORANGE }} aria-label="未完成" />
          ),
          title: <StepTitle step={s} />,
          subTitle: s.done ? undefined : <Tag>{s.whoLabel}</Tag>,
          content: <StepContent step={s} />,
        }))}
      />
    </Card>
  );
}
