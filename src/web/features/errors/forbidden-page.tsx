import { Button } from 'antd';
import { useNavigate } from 'react-router';
import { Result } from '../../components/result';

export default function ForbiddenPage() {
  const navigate = useNavigate();
  return (
    <Result
      status="403"
      title={<h2 className="result-title">403 · 无权访问</h2>}
      subTitle="您没有访问此页面的权限。如需开通，请联系安全管理员。"
      extra={
        <Button type="primary" onClick={() => navigate('/')}>
          返回首页
        </Button>
      }
    />
  );
}
