import { Form, InputNumber, Modal, Select } from 'antd';
import { useNavigate } from 'react-router';
import { copyYearSchema } from '../../../shared/schemas/program-year';
import { applyApiError, validated, zodRule } from '../../lib/form';
import type { ProgramYearSummary } from '../../lib/program-years';
import { useCopyYear } from './api';

interface Values {
  fromYear: number;
  year: number;
}

/** 复制为新年度 (第三条 年度项目制): next year's rules start as a copy of a past year's. */
export function CopyYearForm({
  open,
  years,
  defaultFrom,
  onClose,
}: {
  open: boolean;
  years: ProgramYearSummary[];
  defaultFrom?: number;
  onClose: () => void;
}) {
  const [form] = Form.useForm<Values>();
  const copy = useCopyYear();
  const navigate = useNavigate();
  const newest = years[0]?.year;
  const from = defaultFrom ?? newest;

  async function onOk() {
    const values = await validated(form);
    if (!values) return;
    try {
      const created = await copy.mutateAsync(values);
      onClose();
      navigate(`/program-years/${created.year}`);
    } catch (e) {
      applyApiError(form, e);
    }
  }

  return (
    <Modal
      title="复制为新年度"
      open={open}
      onOk={onOk}
      onCancel={onClose}
      okText="复制"
      cancelText="取消"
      confirmLoading={copy.isPending}
      destroyOnHidden
    >
      <Form<Values>
        form={form}
        layout="vertical"
        preserve={false}
        initialValues={{ fromYear: from, year: newest ? newest + 1 : undefined }}
      >
        <Form.Item
          name="fromYear"
          label="复制来源年度"
          required
          rules={[zodRule(copyYearSchema.shape.fromYear, undefined)]}
        >
          <Select options={years.map((y) => ({ value: y.year, label: `${y.year} 年度` }))} />
        </Form.Item>
        <Form.Item
          name="year"
          label="新年度"
          required
          rules={[zodRule(copyYearSchema.shape.year, undefined)]}
          extra="新年度的名额、金额、区类别和考核指标先与来源年度相同，复制后可编辑，申报开始前锁定。"
        >
          <InputNumber style={{ width: '100%' }} min={2000} max={2100} precision={0} />
        </Form.Item>
      </Form>
    </Modal>
  );
}
