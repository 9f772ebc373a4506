import { defineModule } from '../../platform/module.ts';
import { materialRoutes } from './material.routes.ts';
import { mobileStudyRoutes } from './mobile.routes.ts';
import { planRoutes } from './plan.routes.ts';
import { quizRoutes } from './quiz.routes.ts';
import { recordRoutes } from './record.routes.ts';
import { studyFacts } from './study.facts.ts';
import { seedStudy } from './study.seed.ts';

/** 理论学习: materials, records and hours, quizzes, plans, and the members' 指尖课堂 routes. */
export const studyModule = defineModule({
  name: 'study',
  routes: [materialRoutes, recordRoutes, mobileStudyRoutes, quizRoutes, planRoutes],
  jobs: [],
  facts: studyFacts,
  seed: seedStudy,
});
