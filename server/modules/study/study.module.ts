import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { materialRoutes } from './material.routes.ts';
import { mobileStudyRoutes } from './mobile.routes.ts';
import { planRoutes } from './plan.routes.ts';
import { quizRoutes } from './quiz.routes.ts';
import { recordRoutes } from './record.routes.ts';

/** 理论学习: materials, records and hours, quizzes, plans, and the members' 指尖课堂 routes. */
export const studyModule: FastifyPluginAsyncZod = async (app) => {
  await app.register(materialRoutes);
  await app.register(recordRoutes);
  await app.register(mobileStudyRoutes);
  await app.register(quizRoutes);
  await app.register(planRoutes);
};
