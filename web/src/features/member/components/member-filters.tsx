import { Input, Select, Space } from 'antd';
import {
  AGE_BANDS,
  CATEGORY_LABELS,
  EDUCATIONS,
  ETHNICITIES,
  GENDER_LABELS,
  looksLikePii,
  STANDING_BANDS,
} from '../../../../../common/member.ts';
import type { MemberFilter } from '../api.ts';

type Props = { value: MemberFilter; onChange: (f: MemberFilter) => void; onIdSearch: (idNumber: string) => void };
const opts = (list: readonly string[]) => list.map((v) => ({ value: v, label: v }));
const bandKey = (min?: number, max?: number) => `${min ?? ''}-${max ?? ''}`;

/** Search and filters of the roster: 类别, 性别, 民族, 学历, 年龄段, 党龄; an ID number goes to the POST look-up, never the URL. */
export function MemberFilters({ value, onChange, onIdSearch }: Props) {
  const set = (patch: Partial<MemberFilter>) => onChange({ ...value, ...patch });
  return (
    <Space wrap>
      <Input.Search
        allowClear
        style={{ width: 240 }}
        placeholder="姓名，或完整的公民身份号码"
        aria-label="搜索党员"
        onSearch={(q) => {
          const t = q.trim();
          if (t && looksLikePii(t)) onIdSearch(t);
          else set({ q: t || undefined });
        }}
      />
      <Select
        allowClear
        placeholder="人员类别"
        aria-label="人员类别"
        style={{ width: 120 }}
        value={value.category}
        options={Object.entries(CATEGORY_LABELS).map(([v, l]) => ({ value: v, label: l }))}
        onChange={(category) => set({ category })}
      />
      <Select
        allowClear
        placeholder="性别"
        aria-label="性别"
        style={{ width: 90 }}
        value={value.gender}
        options={Object.entries(GENDER_LABELS).map(([v, l]) => ({ value: v, label: l }))}
        onChange={(gender) => set({ gender })}
      />
      <Select
        allowClear
        showSearch
        placeholder="民族"
        aria-label="民族"
        style={{ width: 120 }}
        value={value.ethnicity}
        options={opts(ETHNICITIES)}
        onChange={(ethnicity) => set({ ethnicity })}
      />
      <Select
        allowClear
        placeholder="学历"
        aria-label="学历"
        style={{ width: 130 }}
        value={value.education}
        options={opts(EDUCATIONS)}
        onChange={(education) => set({ education })}
      />
      <Select
        allowClear
        placeholder="年龄段"
        aria-label="年龄段"
        style={{ width: 130 }}
        value={value.ageMin !== undefined || value.ageMax !== undefined ? bandKey(value.ageMin, value.ageMax) : undefined}
        options={AGE_BANDS.map((b) => ({ value: bandKey(b.min, b.max), label: b.label }))}
        onChange={(k) => {
          const b = AGE_BANDS.find((x) => bandKey(x.min, x.max) === k);
          set({ ageMin: b?.min, ageMax: b?.max });
        }}
      />
      <Select
        allowClear
        placeholder="党龄"
        aria-label="党龄"
        style={{ width: 130 }}
        value={
          value.standingMin !== undefined || value.standingMax !== undefined ? bandKey(value.standingMin, value.standingMax) : undefined
        }
        options={STANDING_BANDS.map((b) => ({ value: bandKey(b.min, b.max), label: b.label }))}
        onChange={(k) => {
          const b = STANDING_BANDS.find((x) => bandKey(x.min, x.max) === k);
          set({ standingMin: b?.min, standingMax: b?.max });
        }}
      />
    </Space>
  );
}
