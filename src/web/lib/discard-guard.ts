// A half-filled dialog asks before it is discarded (issue 14): a click beside the dialog, Esc or 取消 must not throw
// away ten minutes of typing at an event. Closing an untouched form, or after saving, closes at once.
import { App, type FormInstance } from 'antd';

export function useDiscardGuard(form: FormInstance, onClose: () => void): () => void {
  const { modal } = App.useApp();
  return () => {
    if (!form.isFieldsTouched()) {
      onClose();
      return;
    }
    modal.confirm({
      title: '放弃未保存的内容？',
      content: '表单中已填写或修改的内容尚未保存，关闭后将丢失。',
      okText: '放弃',
      okButtonProps: { danger: true },
      cancelText: '继续填写',
      onOk: onClose,
    });
  };
}
