import { initial } from './0001-initial';
import { datasetImports } from './0002-dataset-imports';
import { drafts } from './0003-drafts';
import { tokenAudit } from './0004-token-audit';
import type { Migration } from './migration';

export type { Migration };

/** Every migration, in order. Add a file per schema change and list it here; never edit one that has shipped. */
export const MIGRATIONS: readonly Migration[] = [initial, datasetImports, drafts, tokenAudit];
