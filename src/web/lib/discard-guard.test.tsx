import { cleanup, fireEvent, render, screen, waitFor } from '@testing-library/react';
import { App as AntApp, Button, Form, Input } from 'antd';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { useDiscardGuard } from './discard-guard';

afterEach(cleanup);

function Dialog({ onClose }: { onClose: () => void }) {
  const [form] = Form.useForm();
  const close = useDiscardGuard(form, onClose);
  return (
    <Form form={form}>
      <Form.Item name="title" label="活动名称">
        <Input />
      </Form.Item>
      <Button onClick={close}>取消</Button>
    </Form>
  );
}

function renderDialog() {
  const onClose = vi.fn();
  render(
    <AntApp>
      <Dialog onClose={onClose} />
    </AntApp>,
  );
  return onClose;
}

describe('a half-filled dialog', () => {
  it('closes at once while nothing was typed', () => {
    const onClose = renderDialog();
    fireEvent.click(screen.getByRole('button', { name: /取\s*消/ }));
    expect(onClose).toHaveBeenCalledTimes(1);
  });

  it('asks before discarding what was typed; 继续填写 keeps it, 放弃 closes', async () => {
    const onClose = renderDialog();
    fireEvent.change(screen.getByLabelText('活动名称'), { target: { value: '智能制造需求对接会' } });
    fireEvent.click(screen.getByRole('button', { name: /取\s*消/ }));
    expect((await screen.findAllByText('放弃未保存的内容？')).length).toBeGreaterThan(0);
    expect(onClose).not.toHaveBeenCalled();
    fireEvent.click(screen.getByRole('button', { name: '继续填写' }));
    expect(onClose).not.toHaveBeenCalled();
    expect((screen.getByLabelText('活动名称') as HTMLInputElement).value).toBe('智能制造需求对接会');

    fireEvent.click(screen.getByRole('button', { name: /取\s*消/ }));
    // (the first confirmation may still be in the DOM, closing: the newest is the last)
    await waitFor(() => expect(screen.getAllByRole('button', { name: /放\s*弃/ }).length).toBeGreaterThan(0));
    fireEvent.click(screen.getAllByRole('button', { name: /放\s*弃/ }).at(-1)!);
    await waitFor(() => expect(onClose).toHaveBeenCalledTimes(1));
  });
});
