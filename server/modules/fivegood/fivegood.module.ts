import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { assessmentRoutes } from './assessment.routes.ts';
import { campaignRoutes } from './campaign.routes.ts';
import { ratingRoutes } from './rating.routes.ts';
import { rubricRoutes } from './rubric.routes.ts';

/** Every route of the "五个好" creation: standard, campaign, assessments, naming and dynamic management. */
export const fivegoodModule: FastifyPluginAsyncZod = async (app) => {
  for (const r of [rubricRoutes, campaignRoutes, assessmentRoutes, ratingRoutes]) await app.register(r);
};
