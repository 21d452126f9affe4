/** Sizes the app takes in one call, shared by the API's schemas and the readers behind them. */

/** Largest file the app reads or writes in one call. */
export const MAX_FILE_BYTES = 512 * 2 ** 20;

/** The largest inventory file one import takes (FORMATS.md §1 says up to at least 200,000 rows). */
export const MAX_INVENTORY_BYTES = 200 * 2 ** 20;

/** The largest contract register taken. */
export const MAX_REGISTER_BYTES = 20 * 2 ** 20;
