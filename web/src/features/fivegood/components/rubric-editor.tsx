import { Button, Card, Input, InputNumber, Select, Space, Table } from 'antd';
import { DATA_SOURCE_LABELS, DATA_SOURCES, type RubricContent } from '../../../../../common/fivegood.ts';

/** A fresh identifier for an added indicator or veto (lowercase, as the rubric schema requires). */
const newKey = (prefix: string) => `${prefix}${Date.now().toString(36)}${Math.floor(Math.random() * 1296).toString(36)}`;

const LABEL_SLOTS = ['g0', 'g1', 'g2', 'g3', 'g4', 'g5'];

/** Edits every name, point, ratio, label, veto and data source of a rubric in place (saved as a new version). */
export function RubricEditor({ value, onChange }: { value: RubricContent; onChange: (v: RubricContent) => void }) {
  const set = (fn: (c: RubricContent) => void) => {
    const next = structuredClone(value);
    fn(next);
    onChange(next);
  };
  return (
    <Space direction="vertical" style={{ width: '100%' }}>
      <Space wrap>
        <span>名称</span>
        <Input
          aria-label="细则名称"
          style={{ width: 420 }}
          value={value.name}
          onChange={(e) =>
            set((c) => {
              c.name = e.target.value;
            })
          }
        />
        <span>维度达标比例</span>
        <InputNumber
          aria-label="达标比例"
          min={0.01}
          max={1}
          step={0.05}
          value={value.passRatio}
          onChange={(v) =>
            set((c) => {
              c.passRatio = v ?? c.passRatio;
            })
          }
        />
        <span>否决项封顶等次</span>
        <InputNumber
          aria-label="否决封顶"
          min={0}
          max={5}
          value={value.veto.capGradeAt}
          onChange={(v) =>
            set((c) => {
              c.veto.capGradeAt = v ?? c.veto.capGradeAt;
            })
          }
        />
        <span>加分上限</span>
        <InputNumber
          aria-label="加分上限"
          min={0}
          max={50}
          value={value.bonus.maxTotal}
          onChange={(v) =>
            set((c) => {
              c.bonus.maxTotal = v ?? c.bonus.maxTotal;
            })
          }
        />
        <span>不满月数不参评</span>
        <InputNumber
          min={0}
          max={120}
          value={value.eligibility.minBranchAgeMonths}
          onChange={(v) =>
            set((c) => {
              c.eligibility.minBranchAgeMonths = v ?? 0;
            })
          }
        />
      </Space>
      <Space wrap>
        <span>等次名称（0-5个好）</span>
        {LABEL_SLOTS.map((slot, i) => (
          <Input
            key={slot}
            aria-label={`等次${i}`}
            style={{ width: 110 }}
            value={value.labels[i]}
            onChange={(e) =>
              set((c) => {
                c.labels[i] = e.target.value;
              })
            }
          />
        ))}
      </Space>
      {value.dimensions.map((d, di) => (
        <Card
          key={d.key}
          size="small"
          title={
            <Input
              aria-label={`维度名称 ${d.key}`}
              style={{ width: 200 }}
              value={d.name}
              onChange={(e) =>
                set((c) => {
                  c.dimensions[di].name = e.target.value;
                })
              }
            />
          }
          extra={
            <Space>
              本维度达标比例
              <InputNumber
                min={0}
                max={1}
                step={0.05}
                placeholder={String(value.passRatio)}
                value={d.passRatio}
                onChange={(v) =>
                  set((c) => {
                    c.dimensions[di].passRatio = v;
                  })
                }
              />
              共{d.indicators.reduce((s, i) => s + i.points, 0)}分
            </Space>
          }
        >
          <Table
            rowKey="key"
            size="small"
            pagination={false}
            dataSource={d.indicators}
            columns={[
              {
                title: '指标',
                dataIndex: 'text',
                render: (v, _r, ii) => (
                  <Input.TextArea
                    autoSize
                    value={v}
                    onChange={(e) =>
                      set((c) => {
                        c.dimensions[di].indicators[ii].text = e.target.value;
                      })
                    }
                  />
                ),
              },
              {
                title: '分值',
                dataIndex: 'points',
                width: 90,
                render: (v, r, ii) => (
                  <InputNumber
                    aria-label={`分值 ${r.key}`}
                    min={0}
                    max={100}
                    value={v}
                    onChange={(x) =>
                      set((c) => {
                        c.dimensions[di].indicators[ii].points = x ?? 0;
                      })
                    }
                  />
                ),
              },
              {
                title: '评分指引',
                dataIndex: 'guidance',
                width: 220,
                render: (v, _r, ii) => (
                  <Input.TextArea
                    autoSize
                    value={v}
                    onChange={(e) =>
                      set((c) => {
                        c.dimensions[di].indicators[ii].guidance = e.target.value;
                      })
                    }
                  />
                ),
              },
              {
                title: '系统数据来源',
                dataIndex: 'source',
                width: 200,
                render: (v, _r, ii) => (
                  <Select
                    allowClear
                    style={{ width: '100%' }}
                    value={v ?? undefined}
                    placeholder="无（人工评分）"
                    options={DATA_SOURCES.map((s) => ({ value: s, label: DATA_SOURCE_LABELS[s] }))}
                    onChange={(x) =>
                      set((c) => {
                        c.dimensions[di].indicators[ii].source = x ?? null;
                      })
                    }
                  />
                ),
              },
              {
                title: '',
                width: 60,
                render: (_v, _r, ii) => (
                  <Button
                    type="link"
                    danger
                    disabled={d.indicators.length < 2}
                    onClick={() =>
                      set((c) => {
                        c.dimensions[di].indicators.splice(ii, 1);
                      })
                    }
                  >
                    删除
                  </Button>
                ),
              },
            ]}
          />
          <Button
            type="dashed"
            size="small"
            style={{ marginTop: 8 }}
            onClick={() =>
              set((c) => {
                c.dimensions[di].indicators.push({
                  key: newKey('i'),
                  text: '新指标',
                  points: 1,
                  guidance: '',
                  evidence: [],
                  source: null,
                  sourceKeys: [],
                });
              })
            }
          >
            新增指标
          </Button>
        </Card>
      ))}
      <Card size="small" title="否决项">
        {value.veto.conditions.map((v, i) => (
          <Space.Compact key={v.key} style={{ width: '100%', marginBottom: 4 }}>
            <Input
              value={v.text}
              onChange={(e) =>
                set((c) => {
                  c.veto.conditions[i].text = e.target.value;
                })
              }
            />
            <Button
              danger
              onClick={() =>
                set((c) => {
                  c.veto.conditions.splice(i, 1);
                })
              }
            >
              删除
            </Button>
          </Space.Compact>
        ))}
        <Button
          type="dashed"
          size="small"
          onClick={() =>
            set((c) => {
              c.veto.conditions.push({ key: newKey('v'), text: '新否决项', metric: null, lt: null });
            })
          }
        >
          新增否决项
        </Button>
      </Card>
    </Space>
  );
}
