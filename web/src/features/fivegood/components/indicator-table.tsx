import { UploadOutlined } from '@ant-design/icons';
import { App, Button, Input, InputNumber, Space, Table, Tag, Tooltip, Upload } from 'antd';
import type { Evidence, Indicator, RubricContent } from '../../../../../common/fivegood.ts';
import { api } from '../../../lib/api.ts';
import type { StoredFile } from '../../../lib/files-api.ts';
import { FILE_ACCEPT } from '../../../lib/files-api.ts';
import type { Proposal, ScoreEntry } from '../api.ts';

export type Draft = Record<string, { score: number | null; note: string; evidence: Evidence[] }>;
export type Adjust = Record<string, { score: number | null; reason: string }>;
type Row = Indicator & { dimension: string };

type Props = {
  rubric: RubricContent;
  scores: Record<string, ScoreEntry>;
  proposals: Proposal[];
  owner: { id: string; orgId: string };
  /** editable self-assessment draft (branch, draft/returned) */
  draft?: Draft;
  onDraft?: (d: Draft) => void;
  /** editable enterprise adjustments (enterprise, submitted) */
  adjust?: Adjust;
  onAdjust?: (a: Adjust) => void;
};

/** The rubric's indicators with the branch's score, the system's proposal and evidence, and the enterprise's adjustment. */
export function IndicatorTable({ rubric, scores, proposals, owner, draft, onDraft, adjust, onAdjust }: Props) {
  const { message } = App.useApp();
  const rows: Row[] = rubric.dimensions.flatMap((d) => d.indicators.map((i) => ({ ...i, dimension: d.name })));
  const cell = (key: string): Draft[string] => draft?.[key] ?? { score: null, note: '', evidence: [] };
  const set = (key: string, patch: Partial<Draft[string]>) => draft && onDraft?.({ ...draft, [key]: { ...cell(key), ...patch } });
  const upload = async (key: string, file: File) => {
    const fd = new FormData();
    fd.set('orgId', owner.orgId);
    fd.set('ownerType', 'fivegood_assessment');
    fd.set('ownerId', owner.id);
    fd.set('file', file);
    const f = await api<StoredFile>('/api/files', { method: 'POST', body: fd });
    set(key, { evidence: [...cell(key).evidence, { kind: 'file', ref: f.id, title: f.originalName }] });
    message.success(`已上传佐证：${f.originalName}`);
  };
  return (
    <Table<Row>
      rowKey="key"
      size="small"
      pagination={false}
      dataSource={rows}
      scroll={{ x: 1100 }}
      columns={[
        {
          title: '维度',
          dataIndex: 'dimension',
          width: 100,
          onCell: (r, i) => ({
            rowSpan:
              i !== undefined && i > 0 && rows[i - 1].dimension === r.dimension
                ? 0
                : rows.filter((x) => x.dimension === r.dimension).length,
          }),
        },
        { title: '指标', dataIndex: 'text', render: (v, r) => <Tooltip title={r.guidance || r.evidence.join('、')}>{v}</Tooltip> },
        { title: '分值', dataIndex: 'points', width: 60 },
        {
          title: '系统数据',
          width: 200,
          render: (_, r) => {
            const p = proposals.find((x) => x.key === r.key);
            if (!p) return null;
            return (
              <Space direction="vertical" size={0}>
                <Tooltip title={p.evidence.map((e) => e.title).join('\n') || '无记录'}>
                  <span>
                    {p.measure}，建议 <b>{p.score}</b> 分
                  </span>
                </Tooltip>
                {draft && (
                  <Button
                    size="small"
                    type="link"
                    onClick={() =>
                      set(r.key, {
                        score: p.score,
                        evidence: [
                          ...cell(r.key).evidence.filter((e) => e.kind !== 'record'),
                          { kind: 'record', ref: `/fivegood/assessments/${owner.id}#${r.key}`, title: `系统数据：${p.measure}` },
                        ],
                      })
                    }
                  >
                    采用系统数据
                  </Button>
                )}
              </Space>
            );
          },
        },
        {
          title: '自评得分',
          width: 110,
          render: (_, r) =>
            draft ? (
              <InputNumber
                aria-label={`自评 ${r.key}`}
                min={0}
                max={r.points}
                step={0.5}
                value={cell(r.key).score}
                onChange={(v) => set(r.key, { score: v })}
              />
            ) : (
              scores[r.key]?.self
            ),
        },
        {
          title: '佐证材料',
          width: 220,
          render: (_, r) => {
            const ev = draft ? cell(r.key).evidence : (scores[r.key]?.evidence ?? []);
            return (
              <Space direction="vertical" size={2}>
                {ev.map((e) => (
                  <Tag key={e.ref} closable={!!draft} onClose={() => set(r.key, { evidence: ev.filter((x) => x.ref !== e.ref) })}>
                    {e.title}
                  </Tag>
                ))}
                {draft && (
                  <Upload
                    accept={FILE_ACCEPT}
                    showUploadList={false}
                    customRequest={({ file, onSuccess, onError }) =>
                      upload(r.key, file as File).then(
                        () => onSuccess?.({}),
                        (e: Error) => {
                          message.error(e.message);
                          onError?.(e);
                        },
                      )
                    }
                  >
                    <Button size="small" icon={<UploadOutlined />} aria-label={`上传佐证 ${r.key}`}>
                      上传
                    </Button>
                  </Upload>
                )}
              </Space>
            );
          },
        },
        {
          title: '企业党委考评',
          width: 230,
          render: (_, r) =>
            adjust ? (
              <Space direction="vertical" size={2}>
                <InputNumber
                  aria-label={`考评 ${r.key}`}
                  placeholder="调整后分数"
                  min={0}
                  max={r.points}
                  step={0.5}
                  value={adjust[r.key]?.score ?? null}
                  onChange={(v) => onAdjust?.({ ...adjust, [r.key]: { score: v, reason: adjust[r.key]?.reason ?? '' } })}
                />
                {adjust[r.key]?.score != null && (
                  <Input
                    aria-label={`调整理由 ${r.key}`}
                    placeholder="调整理由"
                    value={adjust[r.key]?.reason}
                    onChange={(e) => onAdjust?.({ ...adjust, [r.key]: { score: adjust[r.key]?.score ?? null, reason: e.target.value } })}
                  />
                )}
              </Space>
            ) : scores[r.key]?.enterprise != null ? (
              <span>
                {scores[r.key].enterprise}分（{scores[r.key].reason}）
              </span>
            ) : null,
        },
      ]}
    />
  );
}
