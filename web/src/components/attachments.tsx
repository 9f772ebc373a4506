import { DeleteOutlined, DownloadOutlined, PaperClipOutlined, UploadOutlined } from '@ant-design/icons';
import { App, Button, List, Popconfirm, Typography, Upload } from 'antd';
import { useCan } from '../lib/access.ts';
import { FILE_ACCEPT, FILE_MAX_BYTES, type Owner, useFileMutations, useFiles } from '../lib/files-api.ts';
import { useDownload } from '../lib/use-download.ts';

function size(n: number): string {
  if (n < 1024) return `${n} B`;
  if (n < 1024 * 1024) return `${(n / 1024).toFixed(1)} KB`;
  return `${(n / 1024 / 1024).toFixed(1)} MB`;
}

/** 附件 of an object: upload (jpg/png/pdf/docx/xlsx, ≤ 20 MB), list, download, delete — by file permissions. */
export function Attachments({ owner }: { owner: Owner }) {
  const can = useCan();
  const { message } = App.useApp();
  const files = useFiles(owner, can('file:read'));
  const { upload, remove } = useFileMutations(owner);
  const dl = useDownload();
  if (!can('file:read')) return null;
  return (
    <div>
      {can('file:write') && (
        <Upload
          accept={FILE_ACCEPT}
          showUploadList={false}
          beforeUpload={(file) => {
            if (file.size > FILE_MAX_BYTES) {
              message.error(`“${file.name}”超过 20 MB，请压缩后再上传`);
              return Upload.LIST_IGNORE;
            }
            return true;
          }}
          customRequest={({ file, onSuccess, onError }) => {
            upload.mutateAsync(file as File).then(
              (r) => {
                message.success(`已上传：${r.originalName}`);
                onSuccess?.(r);
              },
              (e: Error) => onError?.(e),
            );
          }}
        >
          <Button icon={<UploadOutlined />} loading={upload.isPending}>
            上传附件
          </Button>
          <Typography.Text type="secondary" style={{ marginLeft: 8, fontSize: 12 }}>
            支持 jpg、png、pdf、docx、xlsx，单个不超过 20 MB
          </Typography.Text>
        </Upload>
      )}
      <List
        size="small"
        loading={files.isPending}
        locale={{ emptyText: '暂无附件' }}
        dataSource={files.data ?? []}
        renderItem={(f) => (
          <List.Item
            actions={[
              <Button
                key="dl"
                type="link"
                size="small"
                icon={<DownloadOutlined />}
                loading={dl.busy === f.id}
                onClick={() => dl.run(f.id, `/api/files/${f.id}`, undefined, f.originalName)}
                aria-label={`下载 ${f.originalName}`}
              >
                下载
              </Button>,
              can('file:write') ? (
                <Popconfirm
                  key="rm"
                  title={`删除附件“${f.originalName}”？`}
                  okText="删除"
                  cancelText="取消"
                  onConfirm={() => remove.mutateAsync(f.id)}
                >
                  <Button type="link" size="small" danger icon={<DeleteOutlined />}>
                    删除
                  </Button>
                </Popconfirm>
              ) : null,
            ]}
          >
            <PaperClipOutlined style={{ marginRight: 6 }} />
            {f.originalName}
            <Typography.Text type="secondary" style={{ marginLeft: 8, fontSize: 12 }}>
              {size(f.size)}
            </Typography.Text>
          </List.Item>
        )}
      />
    </div>
  );
}
