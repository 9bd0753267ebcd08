import { describe, expect, it } from 'vitest';
import { rankingRows } from './ranking-export';

describe('the ranking export rows', () => {
  it('gives an unscored application no rank and says so in the score column', () => {
    const rows = rankingRows(
      {
        type: 'iur',
        label: '产学研合作站点',
        quota: 2,
        quotaArticle: '第六条',
        approved: 0,
        items: [
          {
            rank: 1,
            stationName: '甲',
            hostName: '甲学会',
            districtCode: null,
            averageScore: 88.5,
            scoredCount: 3,
            statusLabel: '评审中',
          } as never,
          {
            rank: null,
            stationName: '乙',
            hostName: '乙学会',
            districtCode: '110108',
            averageScore: null,
            scoredCount: 0,
            statusLabel: '已推荐',
          } as never,
        ],
      },
      (c) => (c ? `区${c}` : '—'),
    );
    expect(rows).toEqual([
      [1, '甲', '甲学会', '—', 88.5, 3, '评审中'],
      ['—', '乙', '乙学会', '区110108', '未评分', 0, '已推荐'],
    ]);
  });
});
