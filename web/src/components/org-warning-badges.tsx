import { Alert, Space, Tag, Tooltip } from 'antd';
import { LEVEL_COLORS, LEVEL_LABELS, useOneOrgWarnings } from '../lib/org-warnings-api.ts';

/**
 * Drop-in 组织设置预警 for one org: compact tags with the message on hover, or (`list`) one alert per finding.
 * Renders nothing when the org has no findings.
 */
export function OrgWarningBadges({ orgId, list = false }: { orgId: string; list?: boolean }) {
  const { data = [] } = useOneOrgWarnings(orgId);
  if (data.length === 0) return null;
  if (list)
    return (
      <Space direction="vertical" style={{ width: '100%' }} aria-label="组织设置预警">
        {data.map((w) => (
          <Alert
            key={w.code}
            showIcon
            type={w.level === 'error' ? 'error' : w.level === 'warning' ? 'warning' : 'info'}
            message={`${LEVEL_LABELS[w.level]}：${w.message}`}
          />
        ))}
      </Space>
    );
  return (
    <Space size={4} wrap aria-label="组织设置预警">
      {data.map((w) => (
        <Tooltip key={w.code} title={w.message}>
          <Tag color={LEVEL_COLORS[w.level]}>{LEVEL_LABELS[w.level]}</Tag>
        </Tooltip>
      ))}
    </Space>
  );
}
