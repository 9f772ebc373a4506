// The 五个好 API's schemas live in common/fivegood.ts (one contract for the server and the web).
export * from '../../../common/fivegood.ts';
