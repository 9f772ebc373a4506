import { App, Button, Checkbox, List, Space, Tag } from 'antd';
import { useState } from 'react';
import { type Assessment, useFivegoodMutations } from '../api.ts';
import { ReasonButton } from './reason-button.tsx';

/** 国资委审定 (confirm or return to the enterprise) and, during 公示, objections recorded and resolved. */
export function SasacPanel({ a }: { a: Assessment }) {
  const { message } = App.useApp();
  const mut = useFivegoodMutations();
  const [vetoes, setVetoes] = useState<string[]>(a.vetoes);
  const run = async (fn: () => Promise<unknown>, ok: string) => {
    try {
      await fn();
      message.success(ok);
    } catch (e) {
      message.error((e as Error).message);
    }
  };
  return (
    <Space direction="vertical" style={{ width: '100%' }}>
      {a.status === 'forwarded' && (
        <>
          <Checkbox.Group
            value={vetoes}
            onChange={(v) => setVetoes(v as string[])}
            options={a.rubric.veto.conditions.map((c) => ({ value: c.key, label: c.text }))}
          />
          <Space>
            <ReasonButton
              title="审定等次"
              label="审定"
              primary
              initial="抽查复核，同意企业党委意见"
              onOk={(reason) => run(() => mut.confirm.mutateAsync({ id: a.id, reason, vetoes }), '已审定')}
            />
            <ReasonButton
              title="退回企业党委重新考评"
              label="退回企业党委"
              onOk={(reason) => run(() => mut.returnIt.mutateAsync({ id: a.id, reason }), '已退回企业党委')}
            />
          </Space>
        </>
      )}
      {a.campaign.status === 'publicizing' && a.status === 'confirmed' && (
        <ReasonButton
          title="登记公示期异议"
          label="登记异议"
          onOk={(content) => run(() => mut.object.mutateAsync({ id: a.id, content }), '异议已登记')}
        />
      )}
      {a.objections.length > 0 && (
        <List
          header="公示期异议"
          dataSource={a.objections}
          renderItem={(o) => (
            <List.Item
              actions={
                o.resolvedAt
                  ? [
                      <Tag key="r" color={o.upheld ? 'red' : 'green'}>
                        {o.upheld ? '异议成立' : '异议不成立'}
                      </Tag>,
                    ]
                  : [
                      <ReasonButton
                        key="n"
                        title="异议不成立"
                        label="不成立"
                        onOk={(resolution) => run(() => mut.resolve.mutateAsync({ id: o.id, upheld: false, resolution }), '已处理')}
                      />,
                      <ReasonButton
                        key="y"
                        title="异议成立（退回重新审定）"
                        label="成立"
                        danger
                        onOk={(resolution) =>
                          run(() => mut.resolve.mutateAsync({ id: o.id, upheld: true, resolution }), '已处理，请重新审定')
                        }
                      />,
                    ]
              }
            >
              {o.receivedOn} {o.content}
              {o.resolution ? `；处理：${o.resolution}` : ''}
            </List.Item>
          )}
        />
      )}
      {a.status !== 'forwarded' && a.objections.length === 0 && a.campaign.status !== 'publicizing' && (
        <Button disabled>当前无需国资委操作</Button>
      )}
    </Space>
  );
}
