import { defineModule } from '../../platform/module.ts';
import { userRoutes } from './user.routes.ts';

/** 账号: administrators' account management (roles, scopes, resets). */
export const userModule = defineModule({
  name: 'user',
  routes: [userRoutes],
  jobs: [],
  facts: [],
});
