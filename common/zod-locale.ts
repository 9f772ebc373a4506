import { z } from 'zod';

// Every validation message a user reads is Chinese: server responses and web forms share this setting.
z.config(z.locales.zhCN());

export { z };
