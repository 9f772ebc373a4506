import { Tag } from 'antd';

const CN = ['零', '一', '二', '三', '四', '五', '六', '七', '八', '九', '十'];

/** A grade (number of 好) as a tag; the rubric's label when the caller has it, else the count itself. */
export function GradeTag({ grade, label, top = 5 }: { grade: number | null | undefined; label?: string | null; top?: number }) {
  if (grade === null || grade === undefined) return null;
  const color = grade >= top ? 'red' : grade === top - 1 ? 'blue' : 'default';
  return <Tag color={color}>{label ?? `${CN[grade] ?? grade}个好`}</Tag>;
}
