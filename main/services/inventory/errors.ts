/** A file the import refuses as a whole: the message says what is wrong and where, and nothing is written. */
export class UnusableFileError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'UnusableFileError';
  }
}
