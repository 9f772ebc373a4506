import { Descriptions, Drawer, Typography } from 'antd';
import dayjs from 'dayjs';
import type { AuditRecord } from '../api.ts';
import { objectName, roleNames } from './audit-format.ts';
import { ResultTag } from './result-tag.tsx';

/** One audit record in full, with its detail object. */
export function AuditDrawer({ record, onClose }: { record: AuditRecord | null; onClose: () => void }) {
  return (
    <Drawer open={Boolean(record)} onClose={onClose} title="审计记录详情" width={520}>
      {record && (
        <Descriptions column={1} size="small" bordered>
          <Descriptions.Item label="序号">{record.id}</Descriptions.Item>
          <Descriptions.Item label="时间">{dayjs(record.at).format('YYYY-MM-DD HH:mm:ss')}</Descriptions.Item>
          <Descriptions.Item label="用户">{record.username ?? '—'}</Descriptions.Item>
          <Descriptions.Item label="角色">{roleNames(record.roles)}</Descriptions.Item>
          <Descriptions.Item label="IP 地址">{record.ip ?? '—'}</Descriptions.Item>
          <Descriptions.Item label="操作">
            {record.actionLabel}（{record.action}）
          </Descriptions.Item>
          <Descriptions.Item label="对象">{objectName(record)}</Descriptions.Item>
          <Descriptions.Item label="组织">{record.orgId ?? '—'}</Descriptions.Item>
          <Descriptions.Item label="结果">
            <ResultTag result={record.result} />
          </Descriptions.Item>
          <Descriptions.Item label="请求编号">
            <Typography.Text copyable={Boolean(record.requestId)}>{record.requestId ?? '—'}</Typography.Text>
          </Descriptions.Item>
          <Descriptions.Item label="详细信息">
            {record.detail ? (
              <pre style={{ margin: 0, whiteSpace: 'pre-wrap', wordBreak: 'break-all' }}>{JSON.stringify(record.detail, null, 2)}</pre>
            ) : (
              '—'
            )}
          </Descriptions.Item>
        </Descriptions>
      )}
    </Drawer>
  );
}
