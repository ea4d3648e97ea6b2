/**
 * The names of the helper threads a job can ask for (JobControl.startHelper),
 * apart from their code, so that the worker entry can name them without
 * loading that code.
 */
export const READ_ROLE = 'import-read';
export const MENTIONS_ROLE = 'entity-mentions';
