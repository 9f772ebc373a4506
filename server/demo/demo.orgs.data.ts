import type { OrgType } from '../../common/access.ts';
import type { OrgSpec } from '../platform/seed.ts';

const branch = (name: string, members: number, groups = 0, extra: Partial<OrgSpec> = {}): OrgSpec => ({
  name,
  type: 'branch',
  members,
  groups,
  ...extra,
});

const enterprise = (unitName: string, type: OrgType, foundedOn: string, children: OrgSpec[]): OrgSpec => ({
  name: `${unitName}${type === 'committee' ? '党委' : type === 'general_branch' ? '党总支' : '党支部'}`,
  type,
  unitName,
  isEnterprise: true,
  foundedOn,
  children,
});

/** 新疆交投集团昌吉分公司: the 12 branches of the mission text, 阜康匝道收费站党支部 among them. */
export const JIAOTOU_CHANGJI = '新疆交投集团昌吉分公司';
export const FUKANG_BRANCH = '阜康匝道收费站党支部';

/** The enterprises the mission text names, under the root 州国资委党委. */
export const DEMO_TREE: OrgSpec[] = [
  branch('州国资委机关党支部', 15, 0, { unitName: '昌吉州人民政府国有资产监督管理委员会', foundedOn: '2005-06-18' }),
  enterprise(JIAOTOU_CHANGJI, 'committee', '2012-07-01', [
    branch('综合办公室党支部', 16),
    branch('计划财务部党支部', 9),
    branch('路政管理大队党支部', 34, 3),
    branch('养护工区党支部', 28, 2),
    branch('监控通信分中心党支部', 14),
    branch('昌吉收费站党支部', 22),
    branch(FUKANG_BRANCH, 13),
    branch('呼图壁收费站党支部', 17),
    branch('玛纳斯收费站党支部', 19),
    branch('吉木萨尔收费站党支部', 12),
    branch('奇台收费站党支部', 15),
    branch('木垒收费站党支部', 8),
  ]),
  enterprise('昌吉州新华书店', 'general_branch', '1998-03-12', [
    branch('机关党支部', 14),
    branch('门店营业党支部', 26, 3),
    branch('物流配送党支部', 11),
    branch('教材发行党支部', 9),
  ]),
  enterprise('州园林宾馆', 'general_branch', '2001-09-20', [
    branch('综合办公室党支部', 10),
    branch('客房部党支部', 16),
    branch('餐饮部党支部', 21, 2),
    branch('工程保障部党支部', 9),
  ]),
  enterprise('州电信公司', 'committee', '1999-12-28', [
    branch('机关第一党支部', 18),
    branch('机关第二党支部', 15),
    branch('网络运营党支部', 32, 3),
    branch('市场营销党支部', 27, 2),
    branch('政企客户党支部', 14),
    branch('阜康分公司党支部', 12),
    branch('奇台分公司党支部', 11),
  ]),
  enterprise('州庭州能源', 'committee', '2010-05-16', [
    branch('机关党支部', 16),
    branch('天然气运营党支部', 24, 2),
    branch('新能源项目党支部', 13),
    branch('工程建设项目临时党支部', 9, 0, { temporary: true }),
  ]),
  enterprise('州交投集团', 'committee', '2016-08-26', [
    branch('机关党支部', 22),
    branch('州交投建设集团有限公司党支部', 31, 3, { unitName: '州交投建设集团有限公司' }),
    branch('运营管理党支部', 17),
    branch('南山伴行公路项目临时党支部', 11, 0, { temporary: true, unitName: '昌吉州西部南山伴行公路项目（一期）' }),
    branch('养护公司党支部', 18),
    branch('物资供应党支部', 9),
  ]),
  enterprise('新疆际华7555职业装有限公司', 'committee', '2003-04-08', [
    branch('机关党支部', 15),
    branch('第一生产车间党支部', 38, 4),
    branch('第二生产车间党支部', 34, 3),
    branch('质量技术部党支部', 10),
    branch('市场营销部党支部', 12),
  ]),
  { ...enterprise('新疆仓麦园有限责任公司', 'branch', '2014-10-15', []), members: 27, groups: 3 },
  enterprise('州公路建设集团', 'committee', '2008-11-03', [
    branch('机关党支部', 20),
    branch('第一工程处党支部', 26, 2),
    branch('第二工程处党支部', 24, 2),
    branch('路桥养护党支部', 16),
    branch('试验检测中心党支部', 9),
    branch('机械设备党支部', 11),
  ]),
  enterprise('州昌粮集团', 'committee', '2006-02-22', [
    branch('机关党支部', 18),
    branch('昌吉粮库党支部', 21),
    branch('阜康粮库党支部', 14),
    branch('奇台粮库党支部', 19),
    branch('呼图壁粮库党支部', 12),
    branch('玛纳斯粮库党支部', 13),
    branch('粮油加工厂党支部', 25, 2),
    branch('仓储物流党支部', 22, 2),
  ]),
  { ...enterprise('州中粮番茄制品', 'branch', '2009-07-01', []), members: 30, groups: 3 },
];
