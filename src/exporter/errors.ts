/**
 * Errors about one notebook: the message names the file and, when one cell is at fault, the cell
 * (its index from 0, as nbformat and nbclient count, and its id when it has one), so a user can go
 * straight to it.
 */

/** Where in a notebook something is: the file, and optionally a cell and an output of that cell. */
export interface Where {
  /** The notebook's path as the user should read it (relative to the repository when possible). */
  readonly file: string;
  readonly cell?: number;
  readonly cellId?: string;
  readonly output?: number;
}

/** "notebooks/x.ipynb: cell 3 (id "abc"), output 0". */
export function describeWhere(where: Where): string {
  let text = where.file;
  if (where.cell !== undefined) {
    text += `: cell ${where.cell}`;
    if (where.cellId) text += ` (id ${JSON.stringify(where.cellId)})`;
  }
  if (where.output !== undefined) text += `${where.cell !== undefined ? ',' : ':'} output ${where.output}`;
  return text;
}

/** A notebook the exporter cannot turn into a page. */
export class NotebookError extends Error {
  readonly where: Where;

  constructor(where: Where, reason: string) {
    super(`${describeWhere(where)}: ${reason}`);
    this.name = 'NotebookError';
    this.where = where;
  }
}
