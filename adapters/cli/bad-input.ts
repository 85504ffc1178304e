/** A problem with what was given on the command line, named so the person can fix it: exit 2, the problems on stderr. */
export class BadInput extends Error {
  constructor(readonly problems: string[]) {
    super(problems.join('\n'));
  }
}
