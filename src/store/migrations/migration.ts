/** One step of the store's schema: applied once, in version order, at start-up. */
export interface Migration {
  readonly version: number;
  readonly name: string;
  readonly sql: string;
}
