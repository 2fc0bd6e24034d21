import { NestedObject } from '@leadrail/integration-events';
import { IsBoolean, IsString, IsTimeZone, Matches } from 'class-validator';
import { JSONSchema } from 'class-validator-jsonschema';

const LOCAL_TIME = /^([01]\d|2[0-3]):[0-5]\d$/;
const LOCAL_TIME_MESSAGE = '$property must be a local time HH:MM between 00:00 and 23:59';

/**
 * The hours leads may be delivered on one weekday, local wall-clock `HH:MM`.
 * `to` is exclusive; a `to` before `from` crosses midnight (the window belongs
 * to the day it starts on); `from` equal to `to` means all day.
 */
export class DayWindow {
  @JSONSchema({ description: 'Leads may be delivered on this day.' })
  @IsBoolean()
  enabled!: boolean;

  @JSONSchema({ description: 'Start of the window, HH:MM local time.' })
  @Matches(LOCAL_TIME, { message: LOCAL_TIME_MESSAGE })
  from!: string;

  @JSONSchema({ description: 'End of the window (exclusive), HH:MM local time.' })
  @Matches(LOCAL_TIME, { message: LOCAL_TIME_MESSAGE })
  to!: string;
}

/** One window per weekday, Monday to Sunday; every day is present. */
export class DeliveryWeek {
  @NestedObject(() => DayWindow)
  mon!: DayWindow;

  @NestedObject(() => DayWindow)
  tue!: DayWindow;

  @NestedObject(() => DayWindow)
  wed!: DayWindow;

  @NestedObject(() => DayWindow)
  thu!: DayWindow;

  @NestedObject(() => DayWindow)
  fri!: DayWindow;

  @NestedObject(() => DayWindow)
  sat!: DayWindow;

  @NestedObject(() => DayWindow)
  sun!: DayWindow;
}

/** The weekly delivery schedule, in the partner's time zone. */
export class DeliverySchedule {
  @JSONSchema({ description: 'IANA time zone of the windows, e.g. Europe/London.' })
  @IsString()
  @IsTimeZone()
  timeZone!: string;

  @JSONSchema({ description: 'The window of each weekday, mon to sun.' })
  @NestedObject(() => DeliveryWeek)
  days!: DeliveryWeek;
}
