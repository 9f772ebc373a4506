import { Select } from 'antd';
import { useEffect } from 'react';
import { CAMPAIGN_STATUS_LABELS } from '../../../../../common/fivegood.ts';
import { useCampaigns } from '../api.ts';

/** Chooses a campaign; picks the newest one when none is chosen yet. */
export function CampaignSelect({ value, onChange }: { value?: string; onChange: (id: string) => void }) {
  const { data = [] } = useCampaigns();
  useEffect(() => {
    if (!value && data[0]) onChange(data[0].id);
  }, [value, data, onChange]);
  return (
    <Select
      aria-label="创建活动"
      style={{ width: 360 }}
      value={value}
      onChange={onChange}
      placeholder="暂无创建活动"
      options={data.map((c) => ({ value: c.id, label: `${c.name}（${CAMPAIGN_STATUS_LABELS[c.status]}）` }))}
    />
  );
}
