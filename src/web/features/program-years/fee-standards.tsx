// Read-only tables of a year's spending rules: expense categories and items, forbidden items (第十七条), and the
// fee standards each with the document it comes from.
import { Card, Descriptions, Table, type TableColumnsType, Tag } from 'antd';
import type {
  ConsultingGradeRate,
  ExpenseCategoryPolicy,
  ForbiddenItemPolicy,
  LectureRate,
  MeetingClassRate,
  Policy,
} from '../../../domain/policy/types';
import { formatPercent } from '../../lib/format';
import { formatMoney } from '../../lib/money';

const categoryColumns: TableColumnsType<ExpenseCategoryPolicy> = [
  { title: '科目', dataIndex: 'name', width: 110 },
  { title: '条款', key: 'article', width: 110, render: (_, c) => `${c.article}${c.clause}` },
  { title: '说明', dataIndex: 'description', ellipsis: true },
  { title: '限制', dataIndex: 'restriction', width: 220, render: (v: string | null) => v ?? '—' },
  {
    title: '支出事项',
    dataIndex: 'items',
    width: 360,
    render: (items: ExpenseCategoryPolicy['items']) => items.map((i) => <Tag key={i.code}>{i.name}</Tag>),
  },
];

export function ExpenseCategoriesTable({ policy }: { policy: Policy }) {
  return (
    <Table<ExpenseCategoryPolicy>
      rowKey="code"
      size="small"
      columns={categoryColumns}
      dataSource={policy.expenseCategories}
      pagination={false}
      scroll={{ x: 1000 }}
    />
  );
}

const forbiddenColumns: TableColumnsType<ForbiddenItemPolicy> = [
  { title: '不得列支的事项', dataIndex: 'name' },
  { title: '条款', key: 'article', width: 160, render: (_, f) => `${f.article}${f.clause}` },
];

export function ForbiddenItemsTable({ policy }: { policy: Policy }) {
  return (
    <>
      <Table<ForbiddenItemPolicy>
        rowKey="code"
        size="small"
        columns={forbiddenColumns}
        dataSource={policy.forbiddenItems}
        pagination={false}
      />
      <p style={{ marginTop: 12, color: 'rgba(0,0,0,0.55)' }}>
        支出用途中出现以下字词时系统提示人工复核（{policy.forbiddenPurposeArticle}）：
        {policy.forbiddenPurposeWords.map((w) => (
          <Tag key={w}>{w}</Tag>
        ))}
      </p>
    </>
  );
}

const checked = (v: boolean) => (v ? <Tag color="green">系统校验</Tag> : <Tag>仅供参考，不校验</Tag>);

export function FeeStandards({ policy }: { policy: Policy }) {
  const { consulting, labour, meeting, lecture } = policy.feeStandards;
  return (
    <>
      <Card size="small" className="card-gap" title="专家咨询费" extra={checked(consulting.checked)}>
        <Descriptions
          size="small"
          column={2}
          items={[
            { key: 's', label: '依据', children: `${consulting.source}《${consulting.sourceTitle}》` },
            { key: 'a', label: '条款', children: consulting.article },
            {
              key: 'r',
              label: '计算',
              span: 2,
              children: `${consulting.afterTax ? '税后；' : ''}半天按日标准的 ${formatPercent(consulting.halfDayRatio)}，第三天起按 ${formatPercent(consulting.fromDayThreeRatio)}，远程咨询按 ${formatPercent(consulting.remoteSessionRatio.min)}–${formatPercent(consulting.remoteSessionRatio.max)}`,
            },
          ]}
        />
        <Table<ConsultingGradeRate>
          rowKey="grade"
          size="small"
          pagination={false}
          dataSource={consulting.grades}
          columns={[
            { title: '专家级别', dataIndex: 'name' },
            { title: '每人每天下限', dataIndex: 'minPerDayFen', align: 'right', render: formatMoney },
            { title: '每人每天上限', dataIndex: 'maxPerDayFen', align: 'right', render: formatMoney },
          ]}
        />
      </Card>
      <Card size="small" className="card-gap" title="劳务费" extra={checked(labour.checked)}>
        <Descriptions
          size="small"
          column={2}
          items={[
            { key: 's', label: '依据', children: labour.source },
            { key: 'a', label: '条款', children: labour.article },
            {
              key: 'c',
              label: '每日上限',
              children: labour.capPerDayFen === null ? '本年度未设上限' : formatMoney(labour.capPerDayFen),
            },
            { key: 't', label: '个人所得税', children: labour.incomeTax.source },
          ]}
        />
      </Card>
      <Card size="small" className="card-gap" title="会议费" extra={checked(meeting.checked)}>
        <Descriptions
          size="small"
          column={2}
          items={[
            { key: 's', label: '依据', children: `${meeting.source}《${meeting.sourceTitle}》` },
            { key: 'a', label: '条款', children: meeting.article },
            {
              key: 'm',
              label: '会议用餐',
              span: 2,
              children: meeting.mealsInMeetingAllowed ? '可列支' : `不得列支（${meeting.mealsArticle}）`,
            },
          ]}
        />
        <Table<MeetingClassRate>
          rowKey="code"
          size="small"
          pagination={false}
          dataSource={meeting.classes}
          columns={[
            { title: '会议类别', dataIndex: 'name' },
            { title: '综合定额（每人每天）', dataIndex: 'capPerDayFen', align: 'right', render: formatMoney },
            { title: '住宿费', dataIndex: 'lodgingFen', align: 'right', render: formatMoney },
            { title: '伙食费', dataIndex: 'mealsFen', align: 'right', render: formatMoney },
            { title: '其他费用', dataIndex: 'otherFen', align: 'right', render: formatMoney },
          ]}
        />
      </Card>
      <Card size="small" className="card-gap" title="讲课费" extra={checked(lecture.checked)}>
        <Descriptions
          size="small"
          column={2}
          items={[
            { key: 's', label: '依据', children: `${lecture.source}《${lecture.sourceTitle}》` },
            { key: 'a', label: '条款', children: lecture.article },
            {
              key: 'h',
              label: '说明',
              span: 2,
              children: `${lecture.afterTax ? '税后；' : ''}每半天最多按 ${lecture.maxHoursPerHalfDay} 学时计算`,
            },
          ]}
        />
        <Table<LectureRate>
          rowKey="code"
          size="small"
          pagination={false}
          dataSource={lecture.rates}
          columns={[
            { title: '讲课人员', dataIndex: 'name' },
            { title: '每学时上限', dataIndex: 'maxPerHourFen', align: 'right', render: formatMoney },
          ]}
        />
      </Card>
    </>
  );
}
