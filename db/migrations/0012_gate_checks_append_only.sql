-- The gate-check log is append-only: an entry's facts never change and no entry is removed. The
-- one update allowed counts another identical answer to the same caller: count up by one, last_at
-- forward, still within a minute of the entry's first answer, every other column unchanged.
CREATE OR REPLACE FUNCTION gate_checks_refuse_change() RETURNS trigger AS $$
BEGIN
  IF TG_OP = 'UPDATE'
    AND NEW.count = OLD.count + 1
    AND NEW.last_at >= OLD.last_at
    AND NEW.last_at < OLD.first_at + interval '1 minute'
    AND (to_jsonb(NEW) - 'count' - 'last_at') = (to_jsonb(OLD) - 'count' - 'last_at')
  THEN
    RETURN NEW;
  END IF;
  RAISE EXCEPTION 'gate_checks is append-only: % refused', TG_OP USING ERRCODE = 'insufficient_privilege';
END;
$$ LANGUAGE plpgsql;
--> statement-breakpoint
CREATE TRIGGER gate_checks_no_update_delete
  BEFORE UPDATE OR DELETE ON gate_checks
  FOR EACH ROW EXECUTE FUNCTION gate_checks_refuse_change();
--> statement-breakpoint
CREATE TRIGGER gate_checks_no_truncate
  BEFORE TRUNCATE ON gate_checks
  FOR EACH STATEMENT EXECUTE FUNCTION gate_checks_refuse_change();
