/** A file the import refuses as a whole: the message says what is wrong and where, and nothing is written. */
export class UnusableFileError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'UnusableFileError';
  }
}

/** Work the user cancelled: nothing was written. */
export class CancelledError extends Error {
  constructor() {
    super('cancelled');
    this.name = 'CancelledError';
  }
}
