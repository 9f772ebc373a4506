import { Button, Input, Modal } from 'antd';
import { useState } from 'react';

/** A button that asks for a reason (退回、审定意见、异议…) before acting. */
export function ReasonButton(p: {
  title: string;
  label: string;
  primary?: boolean;
  danger?: boolean;
  initial?: string;
  onOk: (reason: string) => Promise<unknown>;
}) {
  const [open, setOpen] = useState(false);
  const [text, setText] = useState(p.initial ?? '');
  return (
    <>
      <Button type={p.primary ? 'primary' : 'default'} danger={p.danger} onClick={() => setOpen(true)}>
        {p.label}
      </Button>
      <Modal
        title={p.title}
        open={open}
        okText="确定"
        okButtonProps={{ disabled: text.trim().length < 2 }}
        onCancel={() => setOpen(false)}
        onOk={async () => {
          await p.onOk(text.trim());
          setOpen(false);
        }}
      >
        <Input.TextArea aria-label={p.title} rows={3} value={text} onChange={(e) => setText(e.target.value)} placeholder="请写明理由" />
      </Modal>
    </>
  );
}
