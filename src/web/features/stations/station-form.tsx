// 新建 / 编辑工作站点. The type follows from the district's class in the year (第三条); IUR stations have no district.
import { Alert, DatePicker, Form, Input, Modal, Select } from 'antd';
import dayjs, { type Dayjs } from 'dayjs';
import { STATION_TYPE_LABELS } from '../../../shared/labels';
import { STATION_TYPE_CODES, type StationInput, stationInputSchema } from '../../../shared/schemas/station';
import { HostOrgSelect } from '../../components/host-org-select';
import { useDiscardGuard } from '../../lib/discard-guard';
import { districtOptions, useDistricts } from '../../lib/districts';
import { applyApiError, applyIssues, validated, zodIssues, zodRule } from '../../lib/form';
import { useProgramYears } from '../../lib/program-years';
import type { Station } from '../../lib/stations';
import { useSaveStation } from './api';

const shape = stationInputSchema.shape;
const dateProps = {
  getValueProps: (v: string | undefined) => ({ value: v ? dayjs(v) : undefined }),
  normalize: (d: Dayjs | null) => (d ? d.format('YYYY-MM-DD') : undefined),
};
const typeOptions = STATION_TYPE_CODES.map((t) => ({ value: t, label: STATION_TYPE_LABELS[t] }));

export function StationForm({
  station,
  defaultYear,
  onClose,
  onSaved,
}: {
  station: Station | null;
  defaultYear?: number;
  onClose: () => void;
  onSaved?: (s: Station) => void;
}) {
  const [form] = Form.useForm<StationInput>();
  const close = useDiscardGuard(form, onClose);
  const save = useSaveStation();
  const years = useProgramYears();
  const year = Form.useWatch('programYear', form);
  const districtCode = Form.useWatch('districtCode', form);
  const type = Form.useWatch('type', form);
  const districts = useDistricts(year, year !== undefined);
  const district = districts.data?.find((d) => d.code === districtCode);

  function onDistrictChange(code: string | undefined) {
    const d = districts.data?.find((x) => x.code === code);
    if (d) form.setFieldsValue({ type: d.stationType });
  }

  async function onOk() {
    const values = await validated(form);
    if (!values) return;
    const parsed = stationInputSchema.safeParse({ ...values, districtCode: values.districtCode ?? null });
    if (!parsed.success) {
      applyIssues(form, zodIssues(parsed.error));
      return;
    }
    try {
      const saved = await save.mutateAsync(
        station ? { id: station.id, version: station.version, station: parsed.data } : { station: parsed.data },
      );
      onSaved?.(saved);
      onClose();
    } catch (e) {
      applyApiError(form, e, 'station.');
    }
  }

  const hint = district
    ? `${district.name}在 ${year} 年度为${district.stationTypeLabel.replace('区工作站点', '')}区，站点类型随之确定为“${district.stationTypeLabel}”（第三条）`
    : type === 'iur'
      ? '产学研合作站点不属于某个区，无需选择所在区'
      : '区工作站点的类型由所在区的类别决定（第三条）：选择所在区后自动确定';

  return (
    <Modal
      open
      title={station ? `编辑工作站点 · ${station.name}` : '新建工作站点'}
      onOk={onOk}
      onCancel={close}
      okText="保存"
      cancelText="取消"
      confirmLoading={save.isPending}
      width={760}
      destroyOnHidden
    >
      <Form<StationInput>
        form={form}
        layout="vertical"
        initialValues={
          station
            ? { ...station, districtCode: station.districtCode }
            : { programYear: defaultYear ?? years.data?.[0]?.year, districtCode: null }
        }
      >
        <div style={{ display: 'grid', gridTemplateColumns: '1fr 1fr', gap: '0 16px' }}>
          <Form.Item
            name="programYear"
            label="项目年度"
            required
            rules={[zodRule(shape.programYear, undefined)]}
            extra={station ? '站点的项目年度不能修改' : undefined}
          >
            <Select
              disabled={Boolean(station)}
              options={(years.data ?? []).map((y) => ({
                value: y.year,
                label: `${y.year} 年度${y.status === 'locked' ? '（已锁定）' : ''}`,
              }))}
            />
          </Form.Item>
          <Form.Item name="type" label="站点类型" required rules={[zodRule(shape.type, undefined)]}>
            <Select
              options={typeOptions}
              disabled={Boolean(district)}
              onChange={(t) => t === 'iur' && form.setFieldsValue({ districtCode: null })}
            />
          </Form.Item>
          <Form.Item name="districtCode" label="所在区">
            <Select
              allowClear
              showSearch={{ optionFilterProp: 'label' }}
              disabled={type === 'iur'}
              placeholder={type === 'iur' ? '产学研合作站点无需选择' : '请选择所在区'}
              options={districtOptions(districts.data)}
              loading={districts.isFetching}
              onChange={onDistrictChange}
            />
          </Form.Item>
          <Form.Item name="hostOrgId" label="依托单位" required rules={[zodRule(shape.hostOrgId, undefined)]}>
            <HostOrgSelect initialLabel={station?.hostName} />
          </Form.Item>
        </div>
        <Alert type="info" showIcon title={hint} style={{ marginBottom: 16 }} />
        <Form.Item name="name" label="站点名称" required rules={[zodRule(shape.name)]}>
          <Input maxLength={100} />
        </Form.Item>
        <div style={{ display: 'grid', gridTemplateColumns: '1fr 1fr', gap: '0 16px' }}>
          <Form.Item name="periodStart" label="开始日期" required rules={[zodRule(shape.periodStart)]} {...dateProps}>
            <DatePicker style={{ width: '100%' }} />
          </Form.Item>
          <Form.Item name="periodEnd" label="结束日期" required rules={[zodRule(shape.periodEnd)]} {...dateProps}>
            <DatePicker style={{ width: '100%' }} />
          </Form.Item>
          <Form.Item name="leaderName" label="项目负责人" required rules={[zodRule(shape.leaderName)]}>
            <Input maxLength={30} />
          </Form.Item>
          <Form.Item name="leaderPhone" label="负责人电话" required rules={[zodRule(shape.leaderPhone)]}>
            <Input maxLength={30} />
          </Form.Item>
          <Form.Item name="contactName" label="联系人" required rules={[zodRule(shape.contactName)]}>
            <Input maxLength={30} />
          </Form.Item>
          <Form.Item name="contactPhone" label="联系人电话" required rules={[zodRule(shape.contactPhone)]}>
            <Input maxLength={30} />
          </Form.Item>
        </div>
      </Form>
    </Modal>
  );
}
