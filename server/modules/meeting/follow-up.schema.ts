// The 落实措施 API's schemas live in common/meeting.ts (one contract for the server and the web).
export * from '../../../common/meeting.ts';
