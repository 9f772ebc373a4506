// The member API's schemas live in common/member.ts (one contract for the server and the web).
export * from '../../../common/member.ts';
