// 提醒设置: how many days before a due date the reminder job writes its reminders (1–60).
import { BellOutlined } from '@ant-design/icons';
import { App, Button, Card, InputNumber, Space, Typography } from 'antd';
import { useEffect, useState } from 'react';
import { ApiError } from '../../lib/api';
import { useReminderSetting, useSaveReminderSetting } from './api';

export function ReminderCard() {
  const { message } = App.useApp();
  const setting = useReminderSetting();
  const save = useSaveReminderSetting();
  const [days, setDays] = useState<number | null>(null);
  const [error, setError] = useState<string | null>(null);
  useEffect(() => {
    if (setting.data) setDays(setting.data.days);
  }, [setting.data]);
  const valid = days !== null && Number.isInteger(days) && days >= 1 && days <= 60;
  const changed = setting.data && days !== setting.data.days;

  async function onSave() {
    if (!setting.data || !valid) {
      setError('请填写 1–60 之间的整数天数');
      return;
    }
    setError(null);
    try {
      const s = await save.mutateAsync({ days, version: setting.data.version });
      message.success(`已设置：截止日期前 ${s.days} 天提醒`);
    } catch (e) {
      setError(e instanceof ApiError ? e.message : '保存失败，请稍后重试');
      if (e instanceof ApiError && e.status === 409) setting.refetch();
    }
  }

  return (
    <Card
      size="small"
      className="card-gap"
      title={
        <Space size={8}>
          <BellOutlined aria-hidden />
          提醒设置
        </Space>
      }
    >
      <Space wrap align="center">
        <label htmlFor="reminder-days">截止日期前</label>
        <InputNumber
          id="reminder-days"
          min={1}
          max={60}
          precision={0}
          value={days}
          disabled={setting.isPending}
          onChange={(v) => setDays(v)}
          status={error ? 'error' : undefined}
          style={{ width: 90 }}
        />
        <span>天提醒相关账户（1–60 天）</span>
        <Button type="primary" onClick={onSave} loading={save.isPending} disabled={!changed}>
          保存
        </Button>
        {error ? (
          <Typography.Text type="danger">{error}</Typography.Text>
        ) : (
          <Typography.Text type="secondary">
            系统每小时检查一次：申报截止、报告截止、工作调整生效日期等临近时，在相关账户的“我的待办”中提醒。
          </Typography.Text>
        )}
      </Space>
    </Card>
  );
}
