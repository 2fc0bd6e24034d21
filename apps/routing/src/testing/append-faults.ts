import { randomUUID } from 'node:crypto';
import type { Client } from 'pg';

/**
 * Makes the next append of a `type` event to `streamName` fail, once, in a
 * service's PostgreSQL log (`<logSchema>.events`), with a trigger: the
 * handler appending it stops there, as after a crash between two of its
 * appends, and the consumer runs it again. Returns a check that it failed.
 */
export async function failNextAppend(
  db: Client,
  logSchema: string,
  streamName: string,
  type: string,
): Promise<() => Promise<boolean>> {
  const log = `${logSchema}.events`;
  const fuse = `fuse_${randomUUID().replaceAll('-', '')}`;
  await db.query(`
    CREATE TABLE IF NOT EXISTS public.test_append_faults (stream_name text, type text, fuse text);
    CREATE OR REPLACE FUNCTION public.test_append_fault() RETURNS trigger LANGUAGE plpgsql AS $$
    DECLARE fault record;
    BEGIN
      FOR fault IN SELECT * FROM public.test_append_faults
                    WHERE stream_name = NEW.stream_name AND type = NEW.type LOOP
        -- A sequence is not rolled back with the failing append: the fault fires once.
        IF nextval(fault.fuse::regclass) = 1 THEN
          RAISE EXCEPTION 'test fault: % to %', NEW.type, NEW.stream_name;
        END IF;
      END LOOP;
      RETURN NEW;
    END $$;
    CREATE OR REPLACE TRIGGER test_append_fault BEFORE INSERT ON ${log}
      FOR EACH ROW EXECUTE FUNCTION public.test_append_fault();
    CREATE SEQUENCE public.${fuse};`);
  await db.query('INSERT INTO public.test_append_faults VALUES ($1, $2, $3)', [
    streamName,
    type,
    `public.${fuse}`,
  ]);
  return async () => {
    const { rows } = await db.query<{ is_called: boolean }>(`SELECT is_called FROM public.${fuse}`);
    return rows[0]?.is_called === true;
  };
}
