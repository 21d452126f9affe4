/** The one database instance of the app. */
import { WorkstationDatabase } from './database';

export const db = new WorkstationDatabase();
