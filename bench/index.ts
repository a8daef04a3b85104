/**
 * `npm run bench -- --count 1000`: builds generated postmortems with the real pipeline (`astro
 * build` with the search index, as `npm run build` runs it) in a temporary folder and reports
 * what it cost: time, memory, output, the rebuild after one edit, and what a search transfers
 * in Chromium; `--vs-hugo` builds the same files with Hugo in the same run, `--budget` fails on
 * the limits in `bench/budget.json`, `--write` puts the table into BENCHMARKS.md.
 * `--similarity` runs the similarity micro-benchmark instead.
 *
 * Not part of `npm test`: timings depend on the machine and on what else it is doing, so they are
 * for reading, not for asserting.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { Command, InvalidArgumentError, Option } from 'commander';
import { listPostmortemFiles } from '../src/lib/content-check';
import { postmortemsDir } from '../src/lib/content-dir';
import {
  ASTRO_BIN,
  astroArgs,
  astroEnv,
  BUILD_LOCK,
  projectRoot,
  withLock,
} from '../test/helpers/build-site';
import { writeCorpus, type CorpusFormat } from './corpus';
import { checkBudget, readBudget } from './run/budget';
import { buildHugo, ensureHugo, hugoContent } from './run/hugo';
import { formatBytes, medianMetrics, metricsOf, type BenchRun, type Metrics } from './run/metrics';
import { outputStats } from './run/output-stats';
import { runMeasured, type CommandCost } from './run/process-tree';
import { machineLine, metricsTable, resultSection, writeBenchmarks } from './run/report';
import { measureSearchTransfer } from './run/search-transfer';
import { printSimilarity } from './similarity-report';

const positive = (value: string) => {
  const number = Number(value);
  if (!Number.isInteger(number) || number < 1)
    throw new InvalidArgumentError('must be a whole number of 1 or more');
  return number;
};

const program = new Command('bench')
  .description(
    'Build generated postmortems with the real pipeline and report time, memory, sizes and search transfer.',
  )
  .option('--count <n>', 'how many postmortems to generate', positive, 1000)
  .option('--seed <n>', 'seed of the generator: the same seed writes the same files', positive, 1)
  .addOption(
    new Option('--format <format>', 'file format of the generated postmortems')
      .choices(['mdx', 'md'])
      .default('mdx'),
  )
  .option('--runs <n>', 'build this many times and report medians', positive, 1)
  .option('--vs-hugo', 'also build the same postmortems with Hugo (bench/hugo/) and report the ratio')
  .option('--budget', 'exit 1 when a limit in bench/budget.json is exceeded')
  .option('--write', 'write the table into BENCHMARKS.md')
  .option('--no-search', 'skip measuring search transfer in Chromium')
  .option('--keep', 'keep the temporary folder (corpus and builds) and print where it is')
  .option('--similarity', 'run the similarity micro-benchmark instead')
  .parse();

const options = program.opts<{
  count: number;
  seed: number;
  format: CorpusFormat;
  runs: number;
  vsHugo?: boolean;
  budget?: boolean;
  write?: boolean;
  search: boolean;
  keep?: boolean;
  similarity?: boolean;
}>();

const log = (line: string) => console.error(`[bench] ${line}`);
const cost = ({ output: _output, exitCode: _exit, ...rest }: CommandCost) => rest;

/** What the first query and the next query search for: words the generated postmortems use. */
const QUERIES = { first: 'connection pool', next: 'certificate expired' };

/** Appends a sentence to one postmortem, as an author's small edit would. */
function editOne(contentRoot: string): string {
  const files = listPostmortemFiles(postmortemsDir(contentRoot));
  const file = files[Math.floor(files.length / 2)] as string;
  fs.appendFileSync(file, '\nThis paragraph was added after the review, to test the rebuild.\n');
  return file;
}

/**
 * `astro build` as the build tests run it: the project's own `hindsight()` integration through
 * the test config (`test/fixtures/astro.config.mjs`: no team title, notice or site), with the
 * generated content folder and a cache folder of the run's own, under the lock that keeps two
 * builds of this project from sharing `.astro/` at once.
 */
async function astroBuild(content: string, outDir: string, cacheDir: string): Promise<CommandCost> {
  const result = await runMeasured(ASTRO_BIN, astroArgs('build', '--outDir', outDir), {
    cwd: projectRoot,
    env: astroEnv(content, cacheDir),
  });
  if (result.exitCode !== 0) {
    throw new Error(`astro build failed (exit ${result.exitCode}):\n${result.output.slice(-6000)}`);
  }
  return result;
}

async function oneRun(work: string, run: number, hugo: string | undefined): Promise<BenchRun> {
  const dir = path.join(work, `run-${run}`);
  const content = path.join(dir, 'content');
  const outDir = path.join(dir, 'dist');
  const cacheDir = path.join(dir, 'cache');
  log(`run ${run}: writing ${options.count} .${options.format} postmortems (seed ${options.seed})`);
  await writeCorpus(content, { count: options.count, seed: options.seed, format: options.format });
  log(`run ${run}: waiting for the build lock, then building`);
  const { build, rebuild } = await withLock(BUILD_LOCK, async () => {
    const first = await astroBuild(content, outDir, cacheDir);
    log(
      `run ${run}: built in ${(first.wallMs / 1000).toFixed(1)} s; editing one postmortem and building again`,
    );
    editOne(content);
    const second = await astroBuild(content, outDir, cacheDir);
    return { build: first, rebuild: second };
  });
  // The output measured is the rebuilt one: the same pages, one of them with a sentence more.
  log(`run ${run}: rebuilt in ${(rebuild.wallMs / 1000).toFixed(1)} s; measuring the output`);
  const output = outputStats(outDir);
  let search: BenchRun['search'];
  if (options.search) {
    log(`run ${run}: searching in Chromium`);
    search = await measureSearchTransfer(outDir, QUERIES);
  }
  let hugoCost: BenchRun['hugo'];
  if (hugo) {
    const hugoSource = path.join(dir, 'hugo-content');
    hugoContent(content, hugoSource);
    log(`run ${run}: building with Hugo`);
    const result = await buildHugo(
      hugo,
      hugoSource,
      path.join(dir, 'hugo-public'),
      path.join(dir, 'hugo-cache'),
    );
    if (result.exitCode !== 0)
      throw new Error(`hugo failed (exit ${result.exitCode}):\n${result.output.slice(-4000)}`);
    hugoCost = { ...cost(result), pages: outputStats(path.join(dir, 'hugo-public')).pages };
  }
  if (!options.keep) fs.rmSync(dir, { recursive: true, force: true });
  return {
    build: cost(build),
    rebuild: cost(rebuild),
    output,
    ...(search ? { search } : {}),
    ...(hugoCost ? { hugo: hugoCost } : {}),
  };
}

/** `node /x/node_modules/.bin/astro build --root …` → `node astro build`: the program, not its paths. */
function shortCommand(command: string): string {
  const words = command.split(' ');
  const end = words.findIndex((word) => word.startsWith('-'));
  return (end < 0 ? words : words.slice(0, end)).map((word) => path.basename(word)).join(' ');
}

function notesOf(run: BenchRun): string[] {
  const notes = [
    `Largest process: \`${shortCommand(run.build.largestProcess)}\`.`,
    `Largest page: ${run.output.largestPage.path} (${formatBytes(run.output.largestPage.bytes)}, ${formatBytes(run.output.largestPage.gzipBytes)} gzip); heaviest page but /search/: ${run.output.largestNonSearchPage.path}.`,
  ];
  if (run.output.pagesWithScript.length) {
    notes.push(
      `Pages with JavaScript besides /search/: ${run.output.pagesWithScript.slice(0, 5).join(', ')}${run.output.pagesWithScript.length > 5 ? ', …' : ''}.`,
    );
  }
  if (run.search) {
    notes.push(
      `Search: first query “${run.search.firstQuery}” (${run.search.firstRequests} requests), next query “${run.search.nextQuery}” (${run.search.nextRequests} requests).`,
    );
  }
  if (run.hugo)
    notes.push(
      `Hugo ${run.hugo.pages.toLocaleString('en-GB')} pages, peak memory ${formatBytes(run.hugo.largestProcessBytes)}.`,
    );
  return notes;
}

async function main(): Promise<number> {
  if (options.similarity) {
    console.log(`Machine: ${machineLine()}\n`);
    printSimilarity();
    return 0;
  }
  const budget = options.budget ? readBudget() : undefined;
  let hugo: string | undefined;
  if (options.vsHugo) {
    const found = ensureHugo(log);
    if (!found.path) {
      console.error(found.problem);
      return 1;
    }
    hugo = found.path;
  }
  const machine = machineLine();
  const work = fs.mkdtempSync(path.join(os.tmpdir(), 'hindsight-bench-'));
  const runs: BenchRun[] = [];
  try {
    for (let run = 1; run <= options.runs; run += 1) runs.push(await oneRun(work, run, hugo));
  } finally {
    if (options.keep) log(`kept ${work}`);
    else fs.rmSync(work, { recursive: true, force: true });
  }
  const metrics: Metrics = medianMetrics(runs.map(metricsOf));
  const notes = notesOf(runs[0] as BenchRun);
  console.log(`Machine: ${machine}`);
  console.log(
    `${options.count.toLocaleString('en-GB')} generated .${options.format} postmortems, seed ${options.seed}, ${options.runs} run${options.runs > 1 ? 's' : ''}\n`,
  );
  console.log(metricsTable(metrics, options.runs));
  console.log('');
  for (const note of notes) console.log(`- ${note}`);
  if (options.write) {
    const file = path.join(projectRoot, 'BENCHMARKS.md');
    const date = new Date().toISOString().slice(0, 10);
    await writeBenchmarks(
      file,
      resultSection(
        {
          count: options.count,
          seed: options.seed,
          format: options.format,
          runs: options.runs,
          date,
          machine,
        },
        metrics,
        notes,
      ),
    );
    log(`wrote ${path.relative(process.cwd(), file)}`);
  }
  if (budget) {
    const checks = checkBudget(metrics, budget);
    console.log('\nBudget (bench/budget.json):');
    for (const check of checks)
      console.log(
        `  ${check.outcome === 'ok' ? 'ok      ' : check.outcome === 'exceeded' ? 'EXCEEDED' : 'skipped '} ${check.label}: ${check.detail}`,
      );
    const exceeded = checks.filter((check) => check.outcome === 'exceeded');
    if (exceeded.length) {
      console.error(
        `\n${exceeded.length} limit${exceeded.length > 1 ? 's' : ''} exceeded: ${exceeded.map((check) => check.limit).join(', ')}`,
      );
      return 1;
    }
  }
  return 0;
}

main().then(
  (code) => process.exit(code),
  (error: unknown) => {
    console.error(error instanceof Error ? error.message : String(error));
    process.exit(1);
  },
);
