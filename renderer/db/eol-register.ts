/**
 * Writes to the partner's end-of-life register (TERMS.md §12): a line added, changed or deleted,
 * or a file's lines imported, each recorded in the change history, with the kept snapshots whose
 * figures it changes recounted in the same transaction. What a write did can be undone, as a
 * classification can.
 */
import { eolModelKey, tidyModel, type EolRecord } from '../../shared/catalog';
import { recordedWrite, type ChangeInput } from './changes';
import type { WorkstationDatabase } from './database';
import { RECOUNT_TABLES, recountReclassified } from './recount';

const LOG_WORD = 'eolRecord';

/** One line's change: created (no before), deleted (no after) or changed. */
export interface EolLineChange {
  before: EolRecord | null;
  after: EolRecord | null;
}

/** What a register write did: its lines' changes and the snapshots it recounted. */
export interface EolWrite {
  lines: EolLineChange[];
  snapshots: string[];
}

/** A second line for a model the register has a line for already. */
export class EolDuplicateError extends Error {
  constructor(readonly model: string) {
    super(`the end-of-life register has a line for ${model} already`);
    this.name = 'EolDuplicateError';
  }
}

async function refuseDuplicates(db: WorkstationDatabase, lines: readonly EolLineChange[]) {
  const leaving = new Set(lines.filter((l) => !l.after).map((l) => l.before?.id));
  const byKey = new Map<string, EolRecord>();
  for (const line of await db.eolRegister.toArray())
    if (!leaving.has(line.id)) byKey.set(eolModelKey(line.model), line);
  for (const { after } of lines) {
    if (!after) continue;
    const other = byKey.get(eolModelKey(after.model));
    if (other && other.id !== after.id) throw new EolDuplicateError(other.model);
    byKey.set(eolModelKey(after.model), after);
  }
}

function changeOf({ before, after }: EolLineChange): ChangeInput {
  const entityId = (after ?? before)?.id ?? '';
  const action = !before ? 'create' : !after ? 'delete' : 'update';
  return { entity: LOG_WORD, entityId, action, before, after };
}

/**
 * Carries out the lines' changes in one transaction, refusing a model another line has, and
 * recounts the snapshots whose models the register now classes otherwise.
 */
export async function writeEolLines(
  db: WorkstationDatabase,
  user: string,
  changes: readonly EolLineChange[],
): Promise<EolWrite> {
  const lines = changes.map(({ before, after }) => ({
    before,
    after: after && { ...after, model: tidyModel(after.model) },
  }));
  return recordedWrite(db, user, RECOUNT_TABLES(db), async (record) => {
    await refuseDuplicates(db, lines);
    for (const line of lines) {
      if (line.after) await db.eolRegister.put(line.after);
      else if (line.before) await db.eolRegister.delete(line.before.id);
      record(changeOf(line));
    }
    return { lines, snapshots: await recountReclassified(db, record) };
  });
}

/** Puts a line (new or changed), as the register has it now. */
export async function saveEolLine(
  db: WorkstationDatabase,
  user: string,
  line: EolRecord,
): Promise<EolWrite> {
  const before = (await db.eolRegister.get(line.id)) ?? null;
  return writeEolLines(db, user, [{ before, after: line }]);
}

export async function deleteEolLine(
  db: WorkstationDatabase,
  user: string,
  id: string,
): Promise<EolWrite> {
  const before = await db.eolRegister.get(id);
  return writeEolLines(db, user, before ? [{ before, after: null }] : []);
}

/** Undoes a write: each line back as it was, the snapshots recounted again. */
export function undoEolWrite(
  db: WorkstationDatabase,
  user: string,
  done: EolWrite,
): Promise<EolWrite> {
  const reverse = done.lines.map(({ before, after }) => ({ before: after, after: before }));
  return writeEolLines(db, user, reverse.reverse());
}

/** Of `lines`, those for models `register` has no line for, with IDs it does not use. */
export function linesForNewModels(
  register: readonly EolRecord[],
  lines: readonly EolRecord[],
): EolRecord[] {
  const models = new Set(register.map((r) => eolModelKey(r.model)));
  const ids = new Set(register.map((r) => r.id));
  return lines.filter((l) => !models.has(eolModelKey(l.model)) && !ids.has(l.id));
}
