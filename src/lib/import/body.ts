/**
 * The MDX body of an imported postmortem: the prose the frontmatter did not take, section by
 * section under its own heading, in the source's order, escaped for MDX.
 */
import { escapeMdxBlock, escapeMdxText, fencedCode } from './mdx-escape';
import type { LineUnit, Unit } from './parse-source';

/** A section of the body: a heading (none for text before the first one) and its units. */
export interface BodySection {
  title: string | undefined;
  level: number;
  units: readonly Unit[];
}

const listMarker = (unit: LineUnit, base: number) => {
  if (!unit.list) return '';
  const indent = '  '.repeat(unit.list.depth - base);
  if (!unit.list.first) return `${indent}  `;
  const box = unit.list.checked === null ? '' : unit.list.checked ? '[x] ' : '[ ] ';
  return `${indent}${unit.list.ordered ? '1.' : '-'} ${box}`;
};

/** Renders a run of units that came from one paragraph, or one list, back as Markdown. */
function renderGroup(group: LineUnit[]): string {
  if (group[0]?.list) {
    // A nested list whose parent item became a heading moves out to the margin.
    const base = Math.min(...group.map((unit) => unit.list?.depth ?? 0));
    return group.map((unit) => `${listMarker(unit, base)}${escapeMdxText(unit.source)}`).join('\n');
  }
  // Lines a plain-text write-up wrote one per line ("one task per line") read best as a list.
  const oneSentenceEach =
    group.length > 1 && group.every((unit) => /[.!?]$/.test(unit.text) && /^\p{Lu}/u.test(unit.text));
  if (oneSentenceEach) return group.map((unit) => `- ${escapeMdxText(unit.source)}`).join('\n');
  return group.map((unit) => escapeMdxText(unit.source)).join('\n');
}

function renderUnit(unit: Exclude<Unit, LineUnit>): string {
  if (unit.type === 'heading') return `${'#'.repeat(Math.max(unit.depth, 2))} ${escapeMdxText(unit.text)}`;
  if (unit.type === 'block' && unit.code) {
    const fenced = /^\s*(`{3,}|~{3,})/.test(unit.source);
    return fenced ? unit.source : fencedCode(unit.code.value, unit.code.lang);
  }
  return escapeMdxBlock(unit.source);
}

/** Renders the units of a section, keeping each paragraph and list together. */
export function renderUnits(units: readonly Unit[]): string {
  const blocks: string[] = [];
  let group: LineUnit[] = [];
  const flush = () => {
    if (group.length) blocks.push(renderGroup(group));
    group = [];
  };
  for (const unit of units) {
    if (unit.type !== 'line') {
      flush();
      blocks.push(renderUnit(unit));
      continue;
    }
    const previous = group.at(-1);
    const together =
      previous &&
      (previous.list && unit.list
        ? true
        : !previous.list && !unit.list && previous.paragraph === unit.paragraph);
    if (!together) flush();
    group.push(unit);
  }
  flush();
  return blocks.join('\n\n');
}

/**
 * The whole body: each section under its heading, separated by blank lines. A section without
 * units renders as its heading alone (a parent heading of nested sections).
 */
export function renderBody(sections: readonly BodySection[]): string {
  const parts = sections
    .filter((section) => section.units.length || section.title)
    .map((section) => {
      const heading = section.title ? `${'#'.repeat(section.level)} ${escapeMdxText(section.title)}` : '';
      const content = renderUnits(section.units);
      return [heading, content].filter(Boolean).join('\n\n');
    });
  return parts.length ? `${parts.join('\n\n')}\n` : '';
}
