import path from 'node:path';
import { isoDateInZone } from '../time';
import { warningAt, type WarningRule } from './rule';

const DATE_PREFIX = /^(\d{4}-\d{2}-\d{2})-(.+)$/;

/**
 * `file-name-date`: the date a file name starts with is the day the incident started. A file
 * named for another day sorts and reads wrong (and is usually a copied file or a mistyped
 * `startedAt`). The day is accepted in the postmortem's zone, the site's zone or UTC, since
 * authors name files by the calendar they were looking at.
 */
export const fileNameDate: WarningRule = {
  id: 'file-name-date',
  description: 'the date the file name starts with is the day of startedAt',
  check({ postmortems, siteTimeZone }) {
    return postmortems.flatMap((postmortem) => {
      const match = DATE_PREFIX.exec(postmortem.id);
      if (!match) return [];
      const [, named = '', slug = ''] = match;
      const { startedAt, timezone } = postmortem.data;
      const days = [timezone, siteTimeZone, 'UTC'].map((zone) => isoDateInZone(startedAt, zone));
      if (days.includes(named)) return [];
      const [day = ''] = days;
      const renamed = `${day}-${slug}${path.extname(postmortem.file)}`;
      return [
        warningAt(
          postmortem,
          fileNameDate.id,
          ['startedAt'],
          `is on ${day} (${timezone}) but the file name says ${named}; rename the file to ${renamed} or correct startedAt`,
        ),
      ];
    });
  },
};
