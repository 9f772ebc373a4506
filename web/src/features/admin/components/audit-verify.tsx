import { SafetyCertificateOutlined } from '@ant-design/icons';
import { Alert, Button } from 'antd';
import { useAuditVerify } from '../api.ts';

/** 校验日志完整性: the hash-chain check and its result. */
export function AuditVerify() {
  const verify = useAuditVerify();
  const r = verify.data;
  return (
    <>
      <Button icon={<SafetyCertificateOutlined />} loading={verify.isPending} onClick={() => verify.mutate()}>
        校验日志完整性
      </Button>
      {r && (
        <Alert
          style={{ marginTop: 12 }}
          showIcon
          closable
          type={r.ok ? 'success' : 'error'}
          message={
            r.ok
              ? `校验通过：已核对 ${r.checked} 条记录，哈希链完整`
              : `校验失败：第 ${r.brokenAt} 号记录起哈希链断裂，日志可能被篡改，请立即上报`
          }
        />
      )}
    </>
  );
}
