import { Button, Result } from 'antd';
import { useRouteError } from 'react-router';

/** Shown when a page fails to load (for example a new version was deployed while the tab was open). */
export function RouteError() {
  const error = useRouteError();
  const detail = error instanceof Error ? error.message : '';
  return (
    <Result
      status="error"
      title="页面加载失败"
      subTitle={`请刷新页面重试。${detail ? `（${detail}）` : ''}`}
      extra={
        <Button type="primary" onClick={() => window.location.reload()}>
          刷新页面
        </Button>
      }
    />
  );
}
