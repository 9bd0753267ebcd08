import { act, fireEvent, screen, waitFor } from '@testing-library/react';
import { describe, expect, it, vi } from 'vitest';
import type { EnterpriseRecordDto } from '../../../shared/schemas/ledger-records';
import { renderPage, stubApi } from '../../lib/test-render';
import { EnterpriseUsccsSelect, enterpriseSearchOptions, NEW_ENTERPRISE_PREFIX } from './form-bits';
import { newRecordValues } from './record-modal';

const MATRIX = '91110108MA00000011';
const RIVER = '91110108MA00000022';
const LISTED = [
  { value: MATRIX, label: `北京矩阵科技有限公司（${MATRIX}）` },
  { value: RIVER, label: `北京清河精密仪器有限公司（${RIVER}）` },
];

describe('the 参与企业 options while typing', () => {
  it('lists the matching enterprises first and adds the typed text only as a last, labelled choice', () => {
    const r = enterpriseSearchOptions(LISTED, '矩阵');
    expect(r.matches.map((o) => o.value)).toEqual([MATRIX]);
    expect(r.options.map((o) => o.label)).toEqual([LISTED[0].label, `${NEW_ENTERPRISE_PREFIX}矩阵`]);
  });

  it('offers no “new enterprise” for a listed code or an empty search', () => {
    expect(enterpriseSearchOptions(LISTED, MATRIX.toLowerCase()).options.map((o) => o.value)).toEqual([MATRIX]);
    expect(enterpriseSearchOptions(LISTED, '  ').options).toEqual(LISTED);
  });
});

function enterprise(uscc: string, name: string): EnterpriseRecordDto {
  return {
    id: uscc,
    version: 1,
    updatedAt: '2025-06-01T00:00:00.000Z',
    enterpriseId: uscc,
    uscc,
    name,
    districtCode: '110108',
    hasAssociation: false,
    srdi: 'none',
    keyServed: false,
    industry: null,
    contactCount: 0,
    deleteBlockedBy: null,
  };
}

function renderPicker(onChange: (v: string[]) => void) {
  const items = [enterprise(MATRIX, '北京矩阵科技有限公司'), enterprise(RIVER, '北京清河精密仪器有限公司')];
  const api = stubApi({ '/': { items, total: 2, page: 1, pageSize: 200 } });
  renderPage(<EnterpriseUsccsSelect stationId="s1" value={[]} onChange={onChange} id="enterpriseUsccs" />);
  return { api, input: screen.getByRole('combobox') };
}

async function typeAndEnter(input: HTMLElement, text: string) {
  await act(async () => {
    fireEvent.mouseDown(input);
    fireEvent.change(input, { target: { value: text } });
  });
  await act(async () => {
    fireEvent.keyDown(input, { key: 'Enter', code: 'Enter', keyCode: 13, which: 13 });
  });
}

describe('the 参与企业 picker', () => {
  it('Enter picks the highlighted matching enterprise, not the typed text', async () => {
    const onChange = vi.fn();
    const { api, input } = renderPicker(onChange);
    await waitFor(() => expect(api.requests.length).toBeGreaterThan(0));
    await typeAndEnter(input, '清河');
    expect(onChange).toHaveBeenCalledTimes(1);
    expect(onChange).toHaveBeenCalledWith([RIVER]);
  });

  it('Enter with no match in the 名录 adds nothing: a new enterprise is only ever an explicit choice', async () => {
    const onChange = vi.fn();
    const { api, input } = renderPicker(onChange);
    await waitFor(() => expect(api.requests.length).toBeGreaterThan(0));
    await typeAndEnter(input, '不存在的公司');
    expect(onChange).not.toHaveBeenCalled();
    expect(await screen.findByText(`${NEW_ENTERPRISE_PREFIX}不存在的公司`)).toBeTruthy();
  });
});

describe('a new record’s date', () => {
  const period = { start: '2025-03-01', end: '2025-12-31' };

  it('is the period’s last day once the period has ended, and today while it runs', () => {
    expect(newRecordValues({ section: 'contacts', today: '2026-01-15', period, values: { mode: 'visit' } })).toEqual({
      date: '2025-12-31',
      mode: 'visit',
    });
    expect(newRecordValues({ section: 'demands', today: '2025-06-01', period, values: {} })).toEqual({
      collectedOn: '2025-06-01',
    });
  });

  it('is left alone for a report (its submission date is optional) and for undated kinds', () => {
    expect(newRecordValues({ section: 'reports', today: '2026-01-15', period, values: { kind: 'summary' } })).toEqual({
      kind: 'summary',
    });
    expect(newRecordValues({ section: null, today: '2026-01-15', period, values: {} })).toEqual({});
  });
});
