import { sql } from 'drizzle-orm';
import { locateBy, type ResourceResolver, rowResolver } from '../../platform/access/resolve.ts';
import { firstTopics } from '../meeting/topic.table.ts';
import { studyMaterials } from './material.table.ts';
import { studyPlans } from './plan.table.ts';
import { studyQuestions, studyQuizzes } from './quiz.table.ts';
import { studyRecords } from './record.table.ts';

/** Study objects lie in the org that owns them; a plan item in its plan's org. */
export const studyResolvers: ResourceResolver[] = [
  rowResolver('studyRecord', '学习记录', studyRecords),
  rowResolver('studyMaterial', '学习资料', studyMaterials),
  rowResolver('studyPlan', '学习计划', studyPlans),
  rowResolver('studyQuestion', '题目', studyQuestions),
  rowResolver('studyQuiz', '测试', studyQuizzes),
  {
    resource: 'studyPlanItem',
    label: '学习计划事项',
    locate: (db, id) =>
      locateBy(
        db,
        sql`select o.path from study_plan_items i join study_plans p on p.id = i.plan_id join orgs o on o.id = p.org_id where i.id = ${id}`,
      ),
  },
  // a material made from a 第一议题: the topic's own org (no reach down: only its org's study staff may use it)
  rowResolver('firstTopic', '第一议题', firstTopics),
];
