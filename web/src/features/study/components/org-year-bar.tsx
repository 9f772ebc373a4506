import { InputNumber, Space } from 'antd';
import { OrgSelect } from '../../../components/org-select.tsx';

/** Org picker and year, the filter every study page starts from. */
export function OrgYearBar(p: {
  orgId?: string;
  setOrgId: (id: string | undefined) => void;
  year?: number;
  setYear?: (y: number) => void;
}) {
  return (
    <Space wrap>
      <div style={{ width: 300 }}>
        <OrgSelect value={p.orgId} onChange={p.setOrgId} />
      </div>
      {p.setYear && (
        <InputNumber aria-label="年度" value={p.year} min={2000} max={2100} onChange={(v) => v && p.setYear?.(v)} addonAfter="年" />
      )}
    </Space>
  );
}
