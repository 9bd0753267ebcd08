import { Button } from 'antd';
import { useNavigate } from 'react-router';
import { Result } from '../../components/result';

export default function NotFoundPage({ message = '您访问的页面不存在，请检查地址是否正确。' }: { message?: string }) {
  const navigate = useNavigate();
  return (
    <Result
      status="404"
      title={<h2 className="result-title">404 · 页面不存在</h2>}
      subTitle={message}
      extra={
        <Button type="primary" onClick={() => navigate('/')}>
          返回首页
        </Button>
      }
    />
  );
}
