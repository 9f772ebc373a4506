import type { ETHNICITIES as ALL_ETHNICITIES } from '../../common/member.ts';
import type { Rng } from '../platform/seed.ts';

// Fictional names only: common surnames and given-name characters combined at random.

/** Surnames grouped by weight: the first group is the most common. */
const byWeight = (groups: [number, string][]) => groups.flatMap(([w, chars]) => [...chars].map((c) => [c, w] as const));
const HAN_SURNAMES = byWeight([
  [10, '王李'],
  [8, '张刘'],
  [6, '陈杨'],
  [4, '赵黄周吴'],
  [3, '徐孙胡朱高郭马'],
  [2, '林何罗梁宋郑谢韩唐冯于董程曹袁邓许'],
  [1, '傅沈曾彭吕苏卢蒋蔡贾丁魏薛叶阎潘杜戴夏田任姜范方石姚谭邹熊金陆郝孔白崔康毛秦史顾侯孟段雷乔贺'],
]);
const HUI_SURNAMES = byWeight([
  [10, '马'],
  [4, '杨王'],
  [3, '李'],
  [2, '金丁白韩'],
  [1, '冶海穆'],
]);
const MALE_CHARS = '建国军明伟强磊勇峰斌涛刚海波辉鹏杰俊超亮龙飞新志文华平东林宏军杰瑞江川成德振兴凯博晨浩宇航立';
const FEMALE_CHARS = '芳丽娟敏静燕霞红梅玲艳萍婷雪慧琳莉颖洁晶倩雯珊兰凤琴秀英蓉佳欣怡悦月春丹琼瑶薇婧茹';

const UYGHUR = {
  male: ['艾力', '买买提', '阿不都', '吐尔逊', '艾尔肯', '热合曼', '阿迪力', '麦麦提', '亚森', '艾克拜尔', '库尔班', '肉孜'],
  female: ['阿依古丽', '古丽娜尔', '热依拉', '迪丽拜尔', '帕提古丽', '阿依努尔', '米日古丽', '努尔古丽', '再努尔', '祖丽菲亚'],
  father: ['买买提', '吐尔逊', '艾力', '阿不都拉', '热合曼', '亚森', '斯迪克', '卡德尔', '尼亚孜', '托乎提'],
};
const KAZAKH = {
  male: ['努尔兰', '叶尔兰', '别克', '阿斯哈尔', '哈力木', '叶尔江', '达吾列提', '巴合提', '赛力克', '加尔肯'],
  female: ['阿依达娜', '古丽巴哈尔', '哈丽娜', '阿依古丽', '巴合提古丽', '沙吾列', '加娜尔', '古丽米拉'],
  father: ['哈力木', '加尔肯', '努尔兰', '赛力克', '叶尔肯', '阿合买提', '别克', '吐尔洪'],
};

/** Names of real people the mission text mentions: the demo never uses them. */
const REAL_NAMES = new Set(['刘志青', '崔国章']);

/** 民族 in the proportions of a Changji workforce: mostly 汉族, then 回族, 哈萨克族, 维吾尔族 and others. */
export const ETHNICITIES: readonly (readonly [(typeof ALL_ETHNICITIES)[number], number])[] = [
  ['汉族', 74],
  ['回族', 12],
  ['哈萨克族', 7],
  ['维吾尔族', 4],
  ['蒙古族', 1],
  ['满族', 1],
  ['锡伯族', 1],
];

function hanName(rng: Rng, surnames: readonly (readonly [string, number])[], gender: 'male' | 'female'): string {
  const chars = gender === 'male' ? MALE_CHARS : FEMALE_CHARS;
  const surname = rng.weighted(surnames);
  const first = rng.pick([...chars]);
  const second = rng.chance(0.75) ? rng.pick([...chars]) : '';
  // no 王王 or 李明明: they read as typos in a demo
  return first === surname || second === first ? hanName(rng, surnames, gender) : surname + first + second;
}

/** A fictional name fitting the person's 民族 and gender (Uyghur and Kazakh names as given name · father's name). */
export function personName(rng: Rng, ethnicity: string, gender: 'male' | 'female'): string {
  for (;;) {
    let name: string;
    if (ethnicity === '维吾尔族' || ethnicity === '哈萨克族') {
      const set = ethnicity === '维吾尔族' ? UYGHUR : KAZAKH;
      const given = rng.pick(set[gender]);
      const father = rng.pick(set.father);
      if (given === father) continue;
      name = `${given}·${father}`;
    } else name = hanName(rng, ethnicity === '回族' ? HUI_SURNAMES : HAN_SURNAMES, gender);
    if (!REAL_NAMES.has(name)) return name;
  }
}
