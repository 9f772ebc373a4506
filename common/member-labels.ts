// Member enums with their Chinese labels and the import/export columns: no Zod here, so the light member H5 can use them.

export const GENDERS = ['male', 'female'] as const;
export type Gender = (typeof GENDERS)[number];
export const GENDER_LABELS: Record<Gender, string> = { male: '男', female: '女' };

export const MEMBER_CATEGORIES = ['full', 'probationary'] as const;
export type MemberCategory = (typeof MEMBER_CATEGORIES)[number];
export const CATEGORY_LABELS: Record<MemberCategory, string> = { full: '正式党员', probationary: '预备党员' };

export const MEMBER_STATUSES = ['active', 'transferring', 'transferred_out', 'left', 'deceased'] as const;
export type MemberStatus = (typeof MEMBER_STATUSES)[number];
export const STATUS_LABELS: Record<MemberStatus, string> = {
  active: '在册',
  transferring: '转接中',
  transferred_out: '已转出',
  left: '已出党',
  deceased: '已故',
};

/** 学历, as the national party-member information system lists them. */
export const EDUCATIONS = [
  '博士研究生',
  '硕士研究生',
  '大学本科',
  '大学专科',
  '中等专科',
  '职业高中',
  '技工学校',
  '普通高中',
  '初中',
  '小学及以下',
] as const;

/** The 56 民族 in GB/T 3304 order. */
// biome-ignore format: a table of names reads better packed
export const ETHNICITIES = [
  '汉族', '蒙古族', '回族', '藏族', '维吾尔族', '苗族', '彝族', '壮族', '布依族', '朝鲜族', '满族', '侗族', '瑶族', '白族',
  '土家族', '哈尼族', '哈萨克族', '傣族', '黎族', '傈僳族', '佤族', '畲族', '高山族', '拉祜族', '水族', '东乡族', '纳西族',
  '景颇族', '柯尔克孜族', '土族', '达斡尔族', '仫佬族', '羌族', '布朗族', '撒拉族', '毛南族', '仡佬族', '锡伯族', '阿昌族',
  '普米族', '塔吉克族', '怒族', '乌孜别克族', '俄罗斯族', '鄂温克族', '德昂族', '保安族', '裕固族', '京族', '塔塔尔族',
  '独龙族', '鄂伦春族', '赫哲族', '门巴族', '珞巴族', '基诺族',
] as const;

/** The import/export columns in the national system's order (row 1 of the template). */
export const MEMBER_COLUMNS = [
  { key: 'name', header: '姓名' },
  { key: 'gender', header: '性别' },
  { key: 'ethnicity', header: '民族' },
  { key: 'birthDate', header: '出生日期' },
  { key: 'idNumber', header: '公民身份号码' },
  { key: 'phone', header: '手机号码' },
  { key: 'education', header: '学历' },
  { key: 'category', header: '人员类别' },
  { key: 'joinedOn', header: '入党日期' },
  { key: 'fullMemberOn', header: '转为正式党员日期' },
  { key: 'org', header: '所在党组织' },
  { key: 'position', header: '党内职务' },
] as const;

/** Age bands (年龄段) and party-standing bands (党龄) offered as list filters; bounds in whole years. */
export const AGE_BANDS = [
  { label: '35岁及以下', min: undefined, max: 35 },
  { label: '36至45岁', min: 36, max: 45 },
  { label: '46至55岁', min: 46, max: 55 },
  { label: '56岁及以上', min: 56, max: undefined },
] as const;
export const STANDING_BANDS = [
  { label: '不满5年', min: undefined, max: 4 },
  { label: '5至9年', min: 5, max: 9 },
  { label: '10至29年', min: 10, max: 29 },
  { label: '30至49年', min: 30, max: 49 },
  { label: '50年及以上', min: 50, max: undefined },
] as const;
