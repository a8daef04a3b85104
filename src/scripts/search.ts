/**
 * The search page in the browser: loads Pagefind, runs the search the URL describes, and keeps
 * the URL, the controls and the results in step. The decisions (what to ask Pagefind, how to
 * count facets, what a result says) live in tested modules under `src/lib/`; this file only
 * wires them to the DOM.
 */
import { NOUNS, pluralWord } from '../lib/labels';
import { routes } from '../lib/routes';
import { buildFacets, type Facet, type SearchLabels } from '../lib/search/facets';
import { didYouMeanLinks, searchNotice, type NoticePart } from '../lib/search/notice';
import {
  FACET_FILES,
  readDurations,
  readFacetData,
  withAllServices,
  type DurationsFile,
  type FacetData,
  type FacetFile,
  type ServicesFile,
} from '../lib/search/facet-data';
import { effectiveSort } from '../lib/search/query';
import { EXCERPT_LENGTH, PAGE_SIZE, PAGEFIND_RANKING, TYPING_DELAY_MS } from '../lib/search/ranking';
import type { FilterKey } from '../lib/search/record';
import { resultSummary, resultView, type ResultView } from '../lib/search/results';
import {
  SearchSession,
  type PagefindResponse,
  type SearchOutcome,
  type ShownResult,
} from '../lib/search/search-session';
import {
  activeFilterCount,
  clearFilters,
  normaliseQuery,
  parseSearchParams,
  sameSearch,
  searchHref,
  SORTS,
  toggleFilter,
  toSearchParams,
  type SearchState,
  type Sort,
} from '../lib/search/state';
import type { SynonymGroups } from '../lib/search/synonyms';
import { parseVocabulary, vocabularyFile, type Vocabulary } from '../lib/search/vocabulary';

/** The parts of Pagefind's browser API this page uses (`pagefind.js`, 1.x). */
interface Pagefind {
  options(options: Record<string, unknown>): Promise<void>;
  init(): Promise<void>;
  search(term: string | null): Promise<PagefindResponse>;
}

/** A collapsed facet shows at most this many values; "Show all" shows the rest. */
const FACET_PREVIEW = 8;

export async function startSearch(root: HTMLElement): Promise<void> {
  const ui = elements(root);
  const labels = JSON.parse(root.dataset['labels'] ?? '{}') as SearchLabels;
  const synonyms = JSON.parse(root.dataset['synonyms'] ?? '[]') as SynonymGroups;
  let state = parseSearchParams(location.search);
  syncControls();

  let pagefind: Pagefind;
  let facetFile: FacetFile;
  let all: PagefindResponse;
  let facets: FacetData;
  try {
    [pagefind, facetFile] = await Promise.all([loadPagefind(), bundleJson<FacetFile>(FACET_FILES.facets)]);
    // Every incident, in the order the build indexed them; no download beyond what init loaded.
    all = await pagefind.search(null);
    facets = readFacetData(
      facetFile,
      all.results.map((result) => result.id),
    );
  } catch (error) {
    console.error('Hindsight: the search index could not be loaded.', error);
    ui.unavailable.hidden = false;
    ui.devHint.hidden = !import.meta.env.DEV;
    return;
  }
  ui.panel.hidden = false;
  let durations: Promise<ReadonlyMap<string, number>> | undefined;
  const session = new SearchSession({
    search: (term) => pagefind.search(term),
    all: all.results,
    facets,
    allServices: async () =>
      withAllServices(facets, facetFile, await bundleJson<ServicesFile>(FACET_FILES.services)),
    durations: () => {
      durations ??= bundleJson<DurationsFile>(FACET_FILES.durations).then((file) =>
        readDurations(facets, file),
      );
      // A failed download is tried again by the next search that needs it.
      durations.catch(() => (durations = undefined));
      return durations;
    },
    synonyms,
    vocabulary: vocabularyShards(),
  });

  const facetViews = new FacetViews(
    ui,
    (key, value) => commit(toggleFilter(state, key, value), 'push'),
    // The facet data holds only the busiest services for every incident; the rest come when a
    // reader asks to see every service.
    (key) => {
      if (key !== 'services' || session.allServices) return;
      session.loadAllServices().then(run, (error: unknown) => {
        console.error('Hindsight: the list of services could not be loaded.', error);
      });
    },
  );
  let results: ShownResult[] = [];
  let shown = 0;
  let generation = 0;
  let typingTimer: ReturnType<typeof setTimeout> | undefined;
  /** True while the history entry for the current typing run exists, so keystrokes replace it. */
  let typing = false;

  /**
   * Runs the search for `state`. A failure (say, an index chunk that would not load) is said
   * in the status line rather than leaving the list busy for ever.
   */
  function run() {
    const mine = ++generation;
    search(mine).catch((error: unknown) => {
      if (mine !== generation) return;
      console.error('Hindsight: search failed.', error);
      ui.summary.textContent = 'The search failed. Reload the page to try again.';
      ui.notice.hidden = true;
      ui.list.removeAttribute('aria-busy');
    });
  }

  /** Runs the search for `state` and shows it; a newer run supersedes an older one mid-flight. */
  async function search(mine: number) {
    ui.list.setAttribute('aria-busy', 'true');
    const outcome = await session.run(state);
    if (mine !== generation) return;

    results = outcome.results;
    shown = 0;
    ui.list.replaceChildren();
    await showMore(mine);
    if (mine !== generation) return;
    showStatus(outcome);
    ui.empty.hidden = results.length > 0;
    ui.emptyHint.textContent = emptyHint(state);
    showDidYouMean(outcome);

    facetViews.render(buildFacets(session.totals, outcome.counts, state, labels));
    ui.clearButtons.forEach((button) => (button.hidden = activeFilterCount(state) === 0));
    labelFiltersToggle();
    ui.list.removeAttribute('aria-busy');
    // Which search the page now shows, as its query string; tests wait on it.
    root.dataset['shown'] = toSearchParams(state).toString();
  }

  /**
   * The live region: how many incidents, then, for a relaxed search, what was searched instead
   * and a link back to the strict search. One region, so the notice is read with the count.
   */
  function showStatus(outcome: SearchOutcome) {
    ui.summary.textContent = resultSummary(results.length, state, Boolean(outcome.relaxation));
    const notice = searchNotice(location.pathname, state, outcome);
    ui.notice.hidden = notice.length === 0;
    // The leading space keeps the live region's text a sentence apart from the count.
    ui.notice.replaceChildren(
      ...(notice.length ? [document.createTextNode(' '), ...renderNotice(notice)] : []),
    );
  }

  /** "Did you mean" under "No incidents match"; with results, the notice says it instead. */
  function showDidYouMean(outcome: SearchOutcome) {
    const links =
      results.length || outcome.relaxation
        ? []
        : didYouMeanLinks(location.pathname, state, outcome.didYouMean);
    ui.didYouMean.hidden = links.length === 0;
    ui.suggestions.replaceChildren(
      ...links.flatMap((link, index) => {
        const anchor = document.createElement('a');
        anchor.href = link.href;
        anchor.textContent = link.suggestion;
        const separator = index === 0 ? '' : index === links.length - 1 ? ' or ' : ', ';
        return separator ? [document.createTextNode(separator), anchor] : [anchor];
      }),
    );
  }

  /** Renders the next page of results; returns the first new result's link, for focus. */
  async function showMore(mine: number): Promise<HTMLAnchorElement | undefined> {
    const batch = results.slice(shown, shown + PAGE_SIZE);
    const fragments = await Promise.all(batch.map((result) => result.data()));
    if (mine !== generation) return undefined;
    const items = fragments.map((fragment, index) =>
      renderResult(ui, resultView(fragment, labels, Boolean(state.q), batch[index]?.values)),
    );
    ui.list.append(...items);
    shown += batch.length;
    ui.more.hidden = shown >= results.length;
    ui.more.textContent = `Show more results (${results.length - shown} more)`;
    return items[0]?.querySelector<HTMLAnchorElement>('a') ?? undefined;
  }

  /** Makes `next` the current search: URL (pushed or replaced), controls, results. */
  function commit(next: SearchState, mode: 'push' | 'replace') {
    state = next;
    const href = searchHref(location.pathname, state);
    if (href !== `${location.pathname}${location.search}`) {
      if (mode === 'push') history.pushState(null, '', href);
      else history.replaceState(null, '', href);
    }
    document.title = pageTitle(state);
    syncSort();
    run();
  }

  function syncControls() {
    ui.input.value = state.q;
    document.title = pageTitle(state);
    syncSort();
  }

  function syncSort() {
    ui.sort.value = effectiveSort(state);
    // "Best match" means nothing without words; an empty search lists the newest first.
    const relevance = ui.sort.querySelector<HTMLOptionElement>('option[value="relevance"]');
    if (relevance) relevance.disabled = !state.q;
  }

  ui.input.addEventListener('input', () => {
    clearTimeout(typingTimer);
    typingTimer = setTimeout(() => {
      const q = normaliseQuery(ui.input.value);
      if (q === state.q) return;
      // The first keystroke of a run adds a history entry; the rest refine it, so Back returns
      // to the search before the typing rather than through every prefix of the words. New
      // words get the forgiving search again, even after the strict one was asked for.
      commit({ ...state, q, strict: false }, typing ? 'replace' : 'push');
      typing = true;
    }, TYPING_DELAY_MS);
  });

  ui.form.addEventListener('submit', (event) => {
    event.preventDefault();
    clearTimeout(typingTimer);
    const q = normaliseQuery(ui.input.value);
    const next: SearchState = { ...state, q, strict: q === state.q && state.strict === true };
    if (!sameSearch(next, state)) commit(next, typing ? 'replace' : 'push');
    typing = false;
  });

  ui.sort.addEventListener('change', () => {
    const sort = ui.sort.value as Sort;
    if (SORTS.includes(sort)) commit({ ...state, sort }, 'push');
    typing = false;
  });

  for (const button of ui.clearButtons) {
    button.addEventListener('click', () => {
      commit(clearFilters(state), 'push');
      typing = false;
      // The button hides once there is nothing to clear; hand focus to where the next search starts.
      ui.input.focus();
    });
  }

  function labelFiltersToggle() {
    const open = ui.facets.classList.contains('open');
    const active = activeFilterCount(state);
    ui.filtersToggle.setAttribute('aria-expanded', String(open));
    ui.filtersToggle.textContent = `${open ? 'Hide' : 'Show'} filters${active ? ` (${active} active)` : ''}`;
  }

  ui.filtersToggle.addEventListener('click', () => {
    ui.facets.classList.toggle('open');
    labelFiltersToggle();
  });

  ui.more.addEventListener('click', async () => {
    const first = await showMore(generation);
    first?.focus();
  });

  // The notice's and the suggestions' links are searches of this page: run them in place, as
  // the controls do, rather than reloading the page and its index.
  for (const container of [ui.notice, ui.suggestions]) {
    container.addEventListener('click', (event) => {
      const link = (event.target as Element | null)?.closest<HTMLAnchorElement>('a[href]');
      if (!link || event.defaultPrevented || event.button !== 0 || event.metaKey || event.ctrlKey) return;
      if (event.shiftKey || event.altKey) return;
      event.preventDefault();
      clearTimeout(typingTimer);
      typing = false;
      const next = parseSearchParams(new URL(link.href).search);
      commit(next, 'push');
      syncControls();
      ui.input.focus();
    });
  }

  window.addEventListener('popstate', () => {
    clearTimeout(typingTimer);
    typing = false;
    state = parseSearchParams(location.search);
    syncControls();
    run();
  });

  // Typing elsewhere ends a typing run, so the next words get their own history entry.
  ui.input.addEventListener('blur', () => (typing = false));

  run();
}

async function loadPagefind(): Promise<Pagefind> {
  const pagefind = (await import(/* @vite-ignore */ routes.asset('pagefind/pagefind.js'))) as Pagefind;
  // Result URLs are stored relative to the site root; under a base path they need it in front.
  await pagefind.options({
    baseUrl: routes.home(),
    ranking: PAGEFIND_RANKING,
    excerptLength: EXCERPT_LENGTH,
    excerptEllipsis: '…',
  });
  await pagefind.init();
  return pagefind;
}

/** A JSON file the build writes into Pagefind's folder. */
async function bundleJson<T>(file: string): Promise<T> {
  const response = await fetch(routes.asset(`pagefind/${file}`));
  if (!response.ok) throw new Error(`pagefind/${file}: HTTP ${response.status}`);
  return (await response.json()) as T;
}

/**
 * The vocabulary the build writes beside the index, for words the index does not hold. Each
 * shard (words by first letter) is fetched the first time a word needs it, so a search whose
 * words all match downloads none of it. A missing or unreadable file means no suggestions; the
 * search itself still works.
 */
function vocabularyShards(): (word: string) => Promise<Vocabulary | undefined> {
  const shards = new Map<string, Promise<Vocabulary | undefined>>();
  return (word) => {
    const file = vocabularyFile(word);
    let shard = shards.get(file);
    if (!shard) {
      shard = fetch(routes.asset(`pagefind/${file}`))
        .then(async (response) => (response.ok ? parseVocabulary(await response.json()) : undefined))
        .catch((error: unknown) => {
          console.warn('Hindsight: no spelling suggestions, the vocabulary could not be read.', error);
          return undefined;
        });
      shards.set(file, shard);
    }
    return shard;
  };
}

/** The notice's parts as DOM: words emphasised, the link a link. */
function renderNotice(parts: readonly NoticePart[]): Node[] {
  return parts.map((part) => {
    if (part.kind === 'text') return document.createTextNode(part.text);
    if (part.kind === 'words') {
      const em = document.createElement('em');
      em.textContent = part.text;
      return em;
    }
    const link = document.createElement('a');
    link.href = part.href;
    link.append(...renderNotice(part.parts));
    return link;
  });
}

/** The title the page was built with ("Search · <site title>"), before any query was added to it. */
const BASE_TITLE = document.title;

function pageTitle(state: SearchState): string {
  return state.q ? `“${state.q}” · ${BASE_TITLE}` : BASE_TITLE;
}

function emptyHint(state: SearchState): string {
  const filtered = activeFilterCount(state) > 0;
  if (filtered && state.q) return 'Clear the filters to search every incident, or try other words.';
  if (filtered) return 'Filters narrow each other: clear some of them to see more.';
  return 'Check the spelling, or try other words: a symptom ("email down"), a cause ("disk failure") or a service.';
}

function elements(root: HTMLElement) {
  const one = <T extends Element>(selector: string): T => {
    const element = root.querySelector<T>(selector);
    if (!element) throw new Error(`Search page is missing ${selector}`);
    return element;
  };
  return {
    form: one<HTMLFormElement>('[data-search-form]'),
    input: one<HTMLInputElement>('[data-search-input]'),
    unavailable: one<HTMLElement>('[data-search-unavailable]'),
    devHint: one<HTMLElement>('[data-dev-hint]'),
    panel: one<HTMLElement>('[data-search-panel]'),
    facets: one<HTMLElement>('[data-facets]'),
    filtersToggle: one<HTMLButtonElement>('[data-filters-toggle]'),
    clearButtons: [...root.querySelectorAll<HTMLButtonElement>('[data-clear-filters]')],
    summary: one<HTMLElement>('[data-search-summary]'),
    notice: one<HTMLElement>('[data-search-notice]'),
    sort: one<HTMLSelectElement>('[data-search-sort]'),
    list: one<HTMLOListElement>('[data-search-results]'),
    empty: one<HTMLElement>('[data-search-empty]'),
    emptyHint: one<HTMLElement>('[data-empty-hint]'),
    didYouMean: one<HTMLElement>('[data-did-you-mean]'),
    suggestions: one<HTMLElement>('[data-suggestions]'),
    more: one<HTMLButtonElement>('[data-search-more]'),
    facetTemplate: one<HTMLTemplateElement>('template[data-template="facet"]'),
    optionTemplate: one<HTMLTemplateElement>('template[data-template="facet-option"]'),
    resultTemplate: one<HTMLTemplateElement>('template[data-template="result"]'),
  };
}

type Elements = ReturnType<typeof elements>;

const clone = <T extends Element>(template: HTMLTemplateElement) =>
  template.content.firstElementChild?.cloneNode(true) as T;

/**
 * The facet fieldsets, built once and then updated in place: counts change under a focused
 * checkbox without the element being replaced, so keyboard focus and screen-reader position
 * survive every search.
 */
class FacetViews {
  private readonly groups = new Map<FilterKey, FacetGroup>();
  private readonly options = new Map<string, OptionView>();

  constructor(
    private readonly ui: Elements,
    private readonly onToggle: (key: FilterKey, value: string) => void,
    private readonly onExpand: (key: FilterKey) => void,
  ) {}

  render(facets: Facet[]) {
    for (const facet of facets) {
      const group = this.group(facet);
      group.facet = facet;
      group.fieldset.hidden = facet.options.length === 0;
      group.views = facet.options.map((option) => {
        const view = this.option(facet.key, option.value, option.label, group.list);
        view.input.checked = option.selected;
        view.count.textContent = String(option.count);
        view.unit.textContent = ` ${pluralWord(option.count, NOUNS.incident)}`;
        view.item.classList.toggle('empty', option.count === 0);
        return view;
      });
      this.collapse(group);
    }
  }

  /**
   * Collapsed, a facet shows the values that match something (or are selected), at most
   * `FACET_PREVIEW` of them, in their fixed order; expanded, it shows every value. Counts within
   * a facet do not change when one of its own values is toggled, so the checkbox in focus never
   * hides itself.
   */
  private collapse(group: FacetGroup) {
    let shown = 0;
    for (const [index, view] of group.views.entries()) {
      const useful = view.input.checked || (group.facet.options[index]?.count ?? 0) > 0;
      const visible = group.expanded || (useful && (shown < FACET_PREVIEW || view.input.checked));
      view.item.hidden = !visible;
      if (visible) shown++;
    }
    const total = group.views.length;
    group.none.hidden = shown > 0;
    group.more.hidden = shown === total && !group.expanded;
    group.more.setAttribute('aria-expanded', String(group.expanded));
    group.more.textContent = group.expanded ? 'Show fewer options' : `Show all ${total} options`;
  }

  private group(facet: Facet): FacetGroup {
    const existing = this.groups.get(facet.key);
    if (existing) return existing;
    const fieldset = clone<HTMLFieldSetElement>(this.ui.facetTemplate);
    const legend = fieldset.querySelector('legend');
    if (legend) legend.textContent = facet.legend;
    const list = fieldset.querySelector('ul') as HTMLUListElement;
    const more = fieldset.querySelector('button') as HTMLButtonElement;
    const none = fieldset.querySelector('[data-none]') as HTMLElement;
    list.id = `facet-${facet.key}`;
    more.setAttribute('aria-controls', list.id);
    const group: FacetGroup = { facet, fieldset, list, more, none, expanded: false, views: [] };
    more.addEventListener('click', () => {
      group.expanded = !group.expanded;
      this.collapse(group);
      if (group.expanded) this.onExpand(facet.key);
    });
    this.ui.facets.append(fieldset);
    this.groups.set(facet.key, group);
    return group;
  }

  private option(key: FilterKey, value: string, label: string, list: HTMLUListElement): OptionView {
    const id = `${key}\u0000${value}`;
    const existing = this.options.get(id);
    if (existing) return existing;
    const item = clone<HTMLLIElement>(this.ui.optionTemplate);
    const input = item.querySelector('input') as HTMLInputElement;
    input.id = `filter-${key}-${this.options.size}`;
    input.name = key;
    input.value = value;
    (item.querySelector('label') as HTMLLabelElement).htmlFor = input.id;
    (item.querySelector('.label') as HTMLElement).textContent = label;
    input.addEventListener('change', () => this.onToggle(key, value));
    const view: OptionView = {
      item,
      input,
      count: item.querySelector('[data-count]') as HTMLElement,
      unit: item.querySelector('[data-count-unit]') as HTMLElement,
    };
    list.append(item);
    this.options.set(id, view);
    return view;
  }
}

interface FacetGroup {
  facet: Facet;
  fieldset: HTMLFieldSetElement;
  list: HTMLUListElement;
  more: HTMLButtonElement;
  /** "None in these results", for a collapsed facet with nothing to show. */
  none: HTMLElement;
  expanded: boolean;
  views: OptionView[];
}

interface OptionView {
  item: HTMLLIElement;
  input: HTMLInputElement;
  count: HTMLElement;
  unit: HTMLElement;
}

function renderResult(ui: Elements, view: ResultView): HTMLLIElement {
  const item = clone<HTMLLIElement>(ui.resultTemplate);
  const slot = <T extends Element>(name: string) => item.querySelector<T>(`[data-slot="${name}"]`) as T;

  const link = slot<HTMLAnchorElement>('link');
  link.href = view.url;
  link.textContent = view.title;

  const date = slot<HTMLTimeElement>('date');
  date.dateTime = view.dateTime;
  date.textContent = view.dateLabel;

  const severity = slot<HTMLElement>('severity');
  if (view.severity) {
    severity.textContent = view.severity.id;
    severity.title = view.severity.label;
    severity.classList.add(`sev-${view.severity.rank}`);
  }

  const rootCause = slot<HTMLAnchorElement>('root-cause');
  if (view.rootCause) {
    rootCause.href = view.rootCause.href;
    rootCause.textContent = view.rootCause.label;
  }

  slot<HTMLElement>('services').textContent = view.services.join(', ');

  const excerpt = slot<HTMLElement>('excerpt');
  excerpt.replaceChildren(
    ...view.excerpt.map((part) => {
      if (!part.marked) return document.createTextNode(part.text);
      const mark = document.createElement('mark');
      mark.textContent = part.text;
      return mark;
    }),
  );
  return item;
}
