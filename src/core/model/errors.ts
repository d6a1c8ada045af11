// An error an official can read: why, in Vietnamese, and the same in English.

export class ExplainedError extends Error {
  constructor(
    readonly reason: string,
    readonly reasonEn: string,
  ) {
    super(`${reason} (${reasonEn})`);
    this.name = new.target.name;
  }
}
