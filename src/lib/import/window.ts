/**
 * The incident window a sentence describes: "from 8:00 AM to 11:30 AM on May 9th (UTC),
 * spanning approximately 3.5 hours", "from 3:00 PM to 5:00 PM (PST) on February 22, 2024",
 * "between 23:40 on 9 March and 01:10 on 10 March CET".
 */
import {
  addDays,
  findDates,
  findDuration,
  findStatedDuration,
  findTimes,
  findZones,
  partialDate,
  type PartialDate,
} from './date-time';
import { minutesOf, type Moment } from './moments';
import type { ZoneRef } from './zones';

/** The incident window one piece of text describes, as far as it does. */
export interface IncidentWindow {
  start: Moment | undefined;
  end: Moment | undefined;
  /** A length the text states outright ("3.5 hours"), with the phrase it came from. */
  duration: { ms: number; phrase: string } | undefined;
  /** The zone the text names, if any. */
  zone: ZoneRef | undefined;
  /** The first date the text names, even when it has no time. */
  date: PartialDate | undefined;
}

/** What the rest of the document already tells: its date and zone. */
export interface WindowContext {
  date?: PartialDate | undefined;
  zone?: ZoneRef | undefined;
  /**
   * Whether any duration in the text is the incident's (a Duration section), or only one stated
   * as such ("for 66 minutes"), as in a summary that mentions other lengths of time.
   */
  anyDuration?: boolean;
}

/** Fills a missing year from a neighbouring date, rolling into the next year past December. */
function withYear(date: PartialDate, from: PartialDate | undefined): PartialDate {
  if (date.year !== undefined || from?.year === undefined) return date;
  const later = date.month < from.month;
  return { ...date, year: from.year + (later ? 1 : 0) };
}

/**
 * Reads the start and end of an incident from one piece of text. Two dates pair with the two
 * times in order; one date serves both, and an end earlier than the start falls on the next
 * day. Without a date in the text, the context's date is used.
 */
export function findWindow(text: string, context: WindowContext = {}): IncidentWindow {
  const times = findTimes(text);
  const dates = findDates(text);
  const zone = times[0]?.zone ?? times[1]?.zone ?? findZones(text)[0]?.zone ?? context.zone;
  const duration = context.anyDuration === false ? findStatedDuration(text) : findDuration(text);
  const [first, second] = dates;
  const startDate: PartialDate | undefined = first ? partialDate(first) : context.date;
  const [startTime, endTime] = times;
  const start: Moment | undefined = startTime
    ? {
        date: startDate,
        time: { hour: startTime.hour, minute: startTime.minute },
        zone: startTime.zone ?? zone,
      }
    : undefined;
  let end: Moment | undefined;
  if (endTime) {
    const time = { hour: endTime.hour, minute: endTime.minute };
    let endDate = second ? withYear(partialDate(second), startDate) : startDate;
    if (startDate && endDate && start?.time && !second && minutesOf(time) < minutesOf(start.time)) {
      endDate = addDays(endDate, 1);
    }
    // "from 23:00 on 31 December to 01:00 on 1 January 2025": the start takes the end's year.
    if (start && startDate && endDate?.year !== undefined && startDate.year === undefined) {
      start.date = { ...startDate, year: endDate.year - (startDate.month > endDate.month ? 1 : 0) };
    }
    end = { date: endDate, time, zone: endTime.zone ?? zone };
  }
  return { start, end, duration, zone, date: startDate };
}
