/**
 * SQL that takes a case back past the migrations after 100 (sanctions lists
 * 110, briefs 130, the exchange seal 140, blank rows 170, merges 180, diagram
 * name scripts 210, the records' shipment facts index 240), for tests that
 * fake a case from before them. Add a line here when a migration adds to
 * the schema.
 */
export const UNDO_AFTER_100 = `
  DROP TABLE IF EXISTS screening_reviews; DROP TABLE IF EXISTS screening_hits; DROP TABLE IF EXISTS screening_runs;
  DROP TABLE IF EXISTS sanction_entry_values; DROP TABLE IF EXISTS sanction_entries;
  DROP TABLE IF EXISTS sanction_list_files; DROP TABLE IF EXISTS sanction_list_versions; DROP TABLE IF EXISTS sanction_lists;
  DROP TABLE IF EXISTS brief_versions; DROP TABLE IF EXISTS briefs;
  DROP TABLE IF EXISTS exchange_seal; DROP TABLE IF EXISTS exchange_seal_rows;
  ALTER TABLE imports DROP COLUMN blank_rows;
  -- 190 (brief_date) goes with brief_versions above.
  ALTER TABLE diagrams DROP COLUMN name_script;
  DROP TABLE IF EXISTS merge_conflicts; DROP TABLE IF EXISTS merge_changes; DROP TABLE IF EXISTS merges;
  DROP INDEX IF EXISTS records_shipment_facts;
`;
