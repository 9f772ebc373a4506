import { Select } from 'antd';
import { useState } from 'react';
import { useDestinations, useMemberSearch } from '../../../lib/transfer-api.ts';

/** Pick an on-roll member of the caller's scope by name (a form control). */
export function MemberPick(props: { value?: string; onChange?: (v: string) => void; id?: string }) {
  const [q, setQ] = useState('');
  const { data, isFetching } = useMemberSearch(q);
  return (
    <Select
      id={props.id}
      value={props.value}
      onChange={props.onChange}
      showSearch
      filterOption={false}
      onSearch={setQ}
      loading={isFetching}
      placeholder="输入姓名查找党员"
      options={(data?.items ?? []).filter((m) => m.status === 'active').map((m) => ({ value: m.id, label: `${m.name}（${m.orgName}）` }))}
    />
  );
}

/** Pick a receiving 党支部 anywhere on the platform by name (a form control). */
export function DestinationPick(props: { value?: string; onChange?: (v: string) => void; id?: string }) {
  const [q, setQ] = useState('');
  const { data = [], isFetching } = useDestinations(q);
  return (
    <Select
      id={props.id}
      value={props.value}
      onChange={props.onChange}
      showSearch
      filterOption={false}
      onSearch={setQ}
      loading={isFetching}
      placeholder="输入党支部名称查找"
      options={data.map((o) => ({ value: o.id, label: o.parentName ? `${o.name}（${o.parentName}）` : o.name }))}
    />
  );
}
