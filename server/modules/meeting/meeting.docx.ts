import { FIRST_TOPIC_FIELDS_LABEL, MEETING_TYPE_LABELS, type MeetingTemplateT, type MeetingType } from '../../../common/meeting.ts';
import { cstDate } from '../../platform/clock.ts';
import { blank, chineseDate, docTitle, heading, kvTable, para, table, toBuffer } from '../../platform/export/docx.ts';
import type { MeetingOutT } from './meeting.schema.ts';

const hm = (iso: string) => new Date(new Date(iso).getTime() + 8 * 3_600_000).toISOString().slice(11, 16);
const names = (rows: MeetingOutT['attendance'], status: string, withReason = false) =>
  rows
    .filter((a) => a.status === status)
    .map((a) => (withReason && a.reason ? `${a.name}（${a.reason}）` : a.name))
    .join('、') || '无';
const NUM = '一二三四五六七八九十';
const signatures = () => [blank(), para('主持人（签字）：                记录人（签字）：', { indent: false })];

/** The standard 会议记录 of a held meeting: header, time, place, host, recorder, 应到/实到/缺席, agenda with the 第一议题 first, minutes, signatures. */
export function meetingRecordDocx(m: MeetingOutT, template: MeetingTemplateT): Promise<Buffer> {
  const label = MEETING_TYPE_LABELS[m.type];
  const first = m.agenda[0]?.kind === 'first_topic' ? m.agenda[0] : null;
  const blocks = [
    docTitle(`${m.orgName}${label}记录`),
    kvTable([
      ['会议名称', m.title],
      ['会议类型', label],
      ['会议时间', `${chineseDate(new Date(m.startsAt))} ${hm(m.startsAt)}—${hm(m.endsAt)}`],
      ['会议地点', m.place],
      ['主持人', m.host],
      ['记录人', m.recorder],
      ['应到人数', m.counts.expected],
      ['实到人数', m.counts.present],
      ['出席人员', names(m.attendance, 'present')],
      ['请假人员', names(m.attendance, 'leave', true)],
      ['缺席人员', names(m.attendance, 'absent', true)],
    ]),
  ];
  let n = 0;
  blocks.push(heading(`${NUM[n++]}、会议议程`));
  if (m.agenda.length === 0) blocks.push(para('（未填写议程）'));
  for (const a of m.agenda) blocks.push(para(`${a.position}. ${a.kind === 'first_topic' ? '【第一议题】' : ''}${a.title}`));
  if (first) {
    blocks.push(heading(`${NUM[n++]}、第一议题学习情况`));
    blocks.push(
      kvTable(
        [
          ['学习主题', first.topicTitle ?? first.title],
          ['发表日期', first.topicPublishedOn],
          ['学习形式', first.form],
          ['参加人员', `应到${m.counts.expected}人，实到${m.counts.present}人`],
          ['过程概况', first.summary],
        ],
        1,
      ),
    );
  }
  for (const s of template.sections) {
    blocks.push(heading(`${NUM[n++ % 10]}、${s.label}`));
    for (const line of (m.sections[s.key] ?? '').split('\n').filter((x) => x.trim())) blocks.push(para(line));
    if (!m.sections[s.key]?.trim()) blocks.push(para('无'));
  }
  if (m.voting) {
    blocks.push(heading(`${NUM[n++ % 10]}、表决情况`));
    blocks.push(
      para(
        `有表决权的正式党员应到${m.quorum.entitled}人，实到${m.quorum.present}人，${m.quorum.met ? '超过半数，符合表决要求' : '未超过半数，不能表决'}。`,
      ),
    );
    if (m.votes.length)
      blocks.push(
        table(
          ['表决事项', '赞成', '反对', '弃权', '结果'],
          m.votes.map((v) => [v.motion, v.votesFor, v.votesAgainst, v.abstain, v.passed ? '通过' : '未通过']),
        ),
      );
  }
  if (m.minutes?.trim()) {
    blocks.push(heading(`${NUM[n++ % 10]}、会议纪要`));
    for (const line of m.minutes.split('\n').filter((x) => x.trim())) blocks.push(para(line));
  }
  blocks.push(...signatures());
  return toBuffer(blocks, { title: `${m.title}（${cstDate(new Date(m.startsAt))}）` });
}

/** A blank 会议记录 of a meeting type, to print and fill by hand (the same layout as an exported record). */
export function blankTemplateDocx(type: MeetingType, template: MeetingTemplateT, firstTopicRequired: boolean): Promise<Buffer> {
  const label = MEETING_TYPE_LABELS[type];
  const blocks = [
    docTitle(`${label}记录`),
    kvTable([
      ['党组织', ''],
      ['会议名称', ''],
      ['会议时间', '    年  月  日   时  分—  时  分'],
      ['会议地点', ''],
      ['主持人', ''],
      ['记录人', ''],
      ['应到人数', ''],
      ['实到人数', ''],
      ['出席人员', ''],
      ['请假人员', ''],
      ['缺席人员', ''],
    ]),
  ];
  let n = 0;
  blocks.push(heading(`${NUM[n++]}、会议议程`), para(firstTopicRequired ? '1. 【第一议题】' : '1.'), para('2.'), para('3.'));
  if (firstTopicRequired) {
    blocks.push(heading(`${NUM[n++]}、第一议题学习情况`));
    blocks.push(para(`（${FIRST_TOPIC_FIELDS_LABEL}）`, { indent: false }));
    blocks.push(
      kvTable(
        [
          ['学习主题', ''],
          ['发表日期', ''],
          ['学习形式', ''],
          ['参加人员', ''],
          ['过程概况', '\n\n\n'],
        ],
        1,
      ),
    );
  }
  for (const s of template.sections) {
    blocks.push(heading(`${NUM[n++ % 10]}、${s.label}${s.required ? '' : '（选填）'}`));
    if (s.hint) blocks.push(para(`（${s.hint}）`, { indent: false }));
    blocks.push(blank(), blank());
  }
  if (type === 'members_assembly') {
    blocks.push(heading(`${NUM[n++ % 10]}、表决情况`), para('有表决权的正式党员应到    人，实到    人。'));
    blocks.push(table(['表决事项', '赞成', '反对', '弃权', '结果'], [['', '', '', '', '']]));
  }
  blocks.push(...signatures());
  return toBuffer(blocks, { title: `${label}记录（空白模板）` });
}
