import { gapsStationParam, StationGapsDto } from '../schemas/gaps';
import { endpoint } from './endpoint';

const tag = '考核指标';

export const gapsApi = {
  station: endpoint({
    method: 'get',
    path: '/api/v1/stations/{id}/gaps',
    tag,
    summary:
      '站点待补事项：未达标指标、缺少的佐证和凭证、字数不足的报告、项目期外的记录（第七条、第八条、第十二条、第十三条）',
    params: gapsStationParam,
    response: StationGapsDto,
  }),
};
