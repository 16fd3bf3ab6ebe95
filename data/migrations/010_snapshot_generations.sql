-- Rarely-changing tables are served from memory (src/db/snapshots.ts). Every change to them, by this
-- process or another (an import run from the command line), moves their topic's generation on, so the
-- bot notices within a second and reloads.
CREATE TABLE snapshot_generations (
  topic       TEXT PRIMARY KEY,
  generation  INTEGER NOT NULL
);
INSERT INTO snapshot_generations (topic, generation) VALUES ('published', 1), ('directory', 1);

CREATE TRIGGER schools_insert_moves_published AFTER INSERT ON schools BEGIN UPDATE snapshot_generations SET generation = generation + 1 WHERE topic = 'published'; END;
CREATE TRIGGER schools_update_moves_published AFTER UPDATE ON schools BEGIN UPDATE snapshot_generations SET generation = generation + 1 WHERE topic = 'published'; END;
CREATE TRIGGER schools_delete_moves_published AFTER DELETE ON schools BEGIN UPDATE snapshot_generations SET generation = generation + 1 WHERE topic = 'published'; END;
CREATE TRIGGER school_districts_insert_moves_published AFTER INSERT ON school_districts BEGIN UPDATE snapshot_generations SET generation = generation + 1 WHERE topic = 'published'; END;
CREATE TRIGGER school_districts_update_moves_published AFTER UPDATE ON school_districts BEGIN UPDATE snapshot_generations SET generation = generation + 1 WHERE topic = 'published'; END;
CREATE TRIGGER school_districts_delete_moves_published AFTER DELETE ON school_districts BEGIN UPDATE snapshot_generations SET generation = generation + 1 WHERE topic = 'published'; END;
CREATE TRIGGER measure_values_insert_moves_published AFTER INSERT ON measure_values BEGIN UPDATE snapshot_generations SET generation = generation + 1 WHERE topic = 'published'; END;
CREATE TRIGGER measure_values_update_moves_published AFTER UPDATE ON measure_values BEGIN UPDATE snapshot_generations SET generation = generation + 1 WHERE topic = 'published'; END;
CREATE TRIGGER measure_values_delete_moves_published AFTER DELETE ON measure_values BEGIN UPDATE snapshot_generations SET generation = generation + 1 WHERE topic = 'published'; END;
CREATE TRIGGER ofsted_inspections_insert_moves_published AFTER INSERT ON ofsted_inspections BEGIN UPDATE snapshot_generations SET generation = generation + 1 WHERE topic = 'published'; END;
CREATE TRIGGER ofsted_inspections_update_moves_published AFTER UPDATE ON ofsted_inspections BEGIN UPDATE snapshot_generations SET generation = generation + 1 WHERE topic = 'published'; END;
CREATE TRIGGER ofsted_inspections_delete_moves_published AFTER DELETE ON ofsted_inspections BEGIN UPDATE snapshot_generations SET generation = generation + 1 WHERE topic = 'published'; END;
CREATE TRIGGER users_insert_moves_directory AFTER INSERT ON users BEGIN UPDATE snapshot_generations SET generation = generation + 1 WHERE topic = 'directory'; END;
CREATE TRIGGER users_update_moves_directory AFTER UPDATE ON users BEGIN UPDATE snapshot_generations SET generation = generation + 1 WHERE topic = 'directory'; END;
CREATE TRIGGER users_delete_moves_directory AFTER DELETE ON users BEGIN UPDATE snapshot_generations SET generation = generation + 1 WHERE topic = 'directory'; END;
CREATE TRIGGER user_schools_insert_moves_directory AFTER INSERT ON user_schools BEGIN UPDATE snapshot_generations SET generation = generation + 1 WHERE topic = 'directory'; END;
CREATE TRIGGER user_schools_update_moves_directory AFTER UPDATE ON user_schools BEGIN UPDATE snapshot_generations SET generation = generation + 1 WHERE topic = 'directory'; END;
CREATE TRIGGER user_schools_delete_moves_directory AFTER DELETE ON user_schools BEGIN UPDATE snapshot_generations SET generation = generation + 1 WHERE topic = 'directory'; END;
