import { DownloadOutlined, InboxOutlined } from '@ant-design/icons';
import { Alert, Button, Modal, Progress, Result, Space, Spin, Table, Typography, Upload } from 'antd';
import { useState } from 'react';
import { useMe } from '../../../lib/auth.ts';
import { useDownload } from '../../../lib/use-download.ts';
import { type ImportError, type ImportResult, uploadImport } from '../api.ts';

type Phase =
  | { kind: 'idle' }
  | { kind: 'uploading'; pct: number }
  | { kind: 'checking'; size: number }
  | { kind: 'invalid'; message: string; errors: ImportError[] }
  | { kind: 'done'; result: ImportResult }
  | { kind: 'failed'; message: string };

// a cell starting like a formula is neutralised, as the server does for its own exports
const cell = (s: string | number) => {
  const t = String(s);
  return /^[=+\-@\t\r]/.test(t) ? `'${t}` : t;
};

/** The error list as a CSV the clerk can fix against (rows, columns, problems; never personal data). */
function saveErrors(errors: ImportError[]) {
  const lines = [['行', '列', '问题'], ...errors.map((e) => [e.row, e.column, e.message])].map((r) =>
    r.map((c) => `"${cell(c).replaceAll('"', '""')}"`).join(','),
  );
  const blob = new Blob([`\uFEFF${lines.join('\r\n')}`], { type: 'text/csv;charset=utf-8' });
  const a = document.createElement('a');
  a.href = URL.createObjectURL(blob);
  a.download = '导入错误清单.csv';
  a.click();
  setTimeout(() => URL.revokeObjectURL(a.href), 10_000);
}

/** 导入党员: template download, upload with progress, then every error by row and column, or the count imported. */
export function ImportModal({ onClose, onImported }: { onClose: () => void; onImported: () => void }) {
  const me = useMe();
  const dl = useDownload();
  const [phase, setPhase] = useState<Phase>({ kind: 'idle' });
  const busy = phase.kind === 'uploading' || phase.kind === 'checking';

  const start = async (file: File) => {
    setPhase({ kind: 'uploading', pct: 0 });
    try {
      const out = await uploadImport(
        file,
        me.data?.csrfToken ?? null,
        (pct) => setPhase((p) => (p.kind === 'uploading' ? { kind: 'uploading', pct } : p)),
        () => setPhase({ kind: 'checking', size: file.size }),
      );
      if (out.ok) {
        setPhase({ kind: 'done', result: out.result });
        onImported();
      } else setPhase({ kind: 'invalid', message: out.message, errors: out.errors });
    } catch (e) {
      setPhase({ kind: 'failed', message: (e as Error).message });
    }
  };

  return (
    <Modal open title="导入党员" width={760} onCancel={busy ? undefined : onClose} closable={!busy} maskClosable={false} footer={null}>
      <Space direction="vertical" style={{ width: '100%' }} size="middle">
        <Alert
          type="info"
          showIcon
          message="请使用导入模板（与全国党员管理信息系统导出的列一致）。导入为整体提交：有任何错误时不导入任何数据；同一公民身份号码再次导入会更新原有信息，不会重复。"
        />
        <Button
          icon={<DownloadOutlined />}
          loading={dl.busy === 'tpl'}
          onClick={() => dl.run('tpl', '/api/members/import-template', undefined, '党员信息导入模板.xlsx')}
        >
          下载导入模板
        </Button>
        {phase.kind === 'uploading' && <Progress percent={phase.pct} status="active" aria-label="上传进度" />}
        {phase.kind === 'checking' && (
          <Spin tip={`文件已上传（${(phase.size / 1024).toFixed(0)} KB），正在逐行校验并导入，大文件需要几秒钟…`}>
            <div style={{ height: 80 }} />
          </Spin>
        )}
        {phase.kind === 'done' && (
          <Result
            status="success"
            title={`导入成功：共 ${phase.result.imported} 名党员`}
            subTitle={`新增 ${phase.result.created} 名，更新 ${phase.result.updated} 名`}
            extra={<Button onClick={onClose}>完成</Button>}
          />
        )}
        {phase.kind === 'failed' && <Alert type="error" showIcon message={phase.message} />}
        {phase.kind === 'invalid' && (
          <>
            <Alert type="error" showIcon message={phase.message} />
            <Table
              size="small"
              rowKey={(e) => `${e.row}-${e.column}-${e.message}`}
              dataSource={phase.errors}
              pagination={{ pageSize: 10, showTotal: (n) => `共 ${n} 处错误` }}
              columns={[
                { title: '行', dataIndex: 'row', width: 70 },
                { title: '列', dataIndex: 'column', width: 140 },
                { title: '问题', dataIndex: 'message' },
              ]}
              aria-label="导入错误"
            />
            <Button onClick={() => saveErrors(phase.errors)}>导出错误清单</Button>
            <Typography.Text type="secondary">请按上表修改文件后重新选择文件导入。</Typography.Text>
          </>
        )}
        {!busy && phase.kind !== 'done' && (
          <Upload.Dragger
            accept=".xlsx"
            maxCount={1}
            showUploadList={false}
            beforeUpload={(file) => {
              void start(file);
              return false;
            }}
          >
            <p className="ant-upload-drag-icon">
              <InboxOutlined />
            </p>
            <p>点击或拖入 .xlsx 文件（不超过 20 MB、10 万行）</p>
          </Upload.Dragger>
        )}
      </Space>
    </Modal>
  );
}
