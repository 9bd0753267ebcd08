import { fireEvent, screen, waitFor } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { DEFAULT_RUBRIC } from '../../../domain/lifecycle/review';
import { renderPage, stubApi } from '../../lib/test-render';
import { ReviewCard } from './review-card';
import { ASSIGNMENT } from './test-assignment';

// The form must refuse out-of-range scores by itself: a request would fail, and none is expected.
function renderCard() {
  const api = stubApi({ '/': () => new Response('{}', { status: 500 }) });
  renderPage(<ReviewCard a={ASSIGNMENT} />);
  return api;
}

function type(label: string, value: string) {
  const input = screen.getByLabelText(label) as HTMLInputElement;
  fireEvent.change(input, { target: { value } });
  fireEvent.blur(input);
  return input;
}

describe('the scoring form (第十条)', () => {
  it('35 in the 30-point 基础条件 stays 35 and is an error on the field; nothing is sent', async () => {
    const api = renderCard();
    const basis = type('基础条件（满分 30）', '35');
    expect(await screen.findByText('“基础条件”得分应在 0–30 分之间')).toBeTruthy();
    expect(basis.value).toBe('35');
    type('工作方案（满分 40）', '30');
    type('预算合理性（满分 20）', '15');
    type('特色与创新（满分 10）', '5');
    fireEvent.change(screen.getByLabelText('评审意见'), { target: { value: '基础条件较好，方案可行。' } });
    // The total leaves out what the rule refuses, and says so.
    await waitFor(() => expect(screen.getByRole('status').textContent).toContain('总分 50 / 100 分'));
    expect(screen.getByRole('status').textContent).toContain('基础条件的得分超出范围');
    fireEvent.click(screen.getByRole('button', { name: /提交评分/ }));
    await waitFor(() => expect(screen.getAllByText('“基础条件”得分应在 0–30 分之间')).toHaveLength(1));
    expect(screen.queryByText(/提交后不能修改/)).toBeNull();
    expect(basis.value).toBe('35');
    expect(api.requests).toEqual([]);
  });

  it('the full mark is accepted: the error goes once the score is back in range', async () => {
    renderCard();
    type('基础条件（满分 30）', '35');
    expect(await screen.findByText('“基础条件”得分应在 0–30 分之间')).toBeTruthy();
    type('基础条件（满分 30）', '30');
    await waitFor(() => expect(screen.queryByText('“基础条件”得分应在 0–30 分之间')).toBeNull());
  });

  it('shows what each criterion judges beside its score', () => {
    renderCard();
    for (const c of DEFAULT_RUBRIC) expect(screen.getByText(c.description ?? '—')).toBeTruthy();
  });
});
