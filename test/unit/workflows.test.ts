import { execFile } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { promisify } from 'node:util';
import { describe, expect, it } from 'vitest';
import { parse as parseYaml } from 'yaml';
import { resolveConfig } from '../../src/lib/site-config';
import { fieldPaths } from '../../src/lib/schema-shape';
import { ids } from '../../src/lib/taxonomy';
import { postmortemSchema, TASK_TYPES, TIMELINE_KINDS } from '../../src/schemas';
import { projectRoot, testTempDir } from '../helpers/build-site';
import { fixtureContent, taxonomyFile } from '../helpers/fixtures';

/**
 * The GitHub workflows in `.github/`: valid by action-validator (GitHub's workflow schema,
 * offline), and doing what the pull-request process relies on: a pull request runs the content
 * check with annotations, the build and the tests; main deploys the internal site to GitHub
 * Pages under the Pages base path, refusing a Pages site anyone can read; the optional public
 * site is a public build (leak check included) pushed with a deploy key. Also the pull-request
 * template's review checklist and the CODEOWNERS example.
 */
const run = promisify(execFile);
const github = path.join(projectRoot, '.github');
const workflowsDir = path.join(github, 'workflows');
const VALIDATOR = path.join(projectRoot, 'node_modules/@action-validator/cli/cli.mjs');

/** Runs action-validator on one file with the pinned Node; resolves to its exit code and output. */
async function validate(file: string): Promise<{ code: number; output: string }> {
  try {
    const { stdout, stderr } = await run(process.execPath, [VALIDATOR, file], { cwd: projectRoot });
    return { code: 0, output: `${stdout}${stderr}` };
  } catch (error) {
    const failure = error as { code?: number; stdout?: string; stderr?: string };
    return { code: failure.code ?? 1, output: `${failure.stdout ?? ''}${failure.stderr ?? ''}` };
  }
}

interface Step {
  name?: string;
  id?: string;
  uses?: string;
  run?: string;
  with?: Record<string, unknown>;
  env?: Record<string, string>;
}
interface Job {
  if?: string;
  needs?: string | string[];
  permissions?: Record<string, string>;
  environment?: { name: string; url?: string };
  steps: Step[];
}
interface Workflow {
  on: Record<string, unknown>;
  permissions?: Record<string, string>;
  concurrency?: { group: string; 'cancel-in-progress': boolean };
  jobs: Record<string, Job>;
}

const workflowFiles = fs.readdirSync(workflowsDir).filter((file) => /\.ya?ml$/.test(file));
const workflow = (file: string) =>
  parseYaml(fs.readFileSync(path.join(workflowsDir, file), 'utf8')) as Workflow;
const steps = (wf: Workflow) => Object.values(wf.jobs).flatMap((job) => job.steps);
/** The position of the first step running a command that starts with `command`, or -1. */
const stepIndex = (job: Job, command: string) =>
  job.steps.findIndex((step) => step.run?.trim().startsWith(command));
const using = (job: Job, action: string) => job.steps.find((step) => step.uses?.startsWith(`${action}@`));

describe('the workflow files', () => {
  it('include the pull-request, the deploy and the public deploy workflow', () => {
    expect(workflowFiles).toEqual(
      expect.arrayContaining(['pull-request.yml', 'deploy.yml', 'deploy-public.yml']),
    );
  });

  it.each(workflowFiles)('%s is valid for action-validator', async (file) => {
    const result = await validate(path.join(workflowsDir, file));
    expect(result.output).toBe('');
    expect(result.code).toBe(0);
  });

  it('action-validator rejects a broken workflow (so the check above can fail)', async () => {
    const dir = fs.mkdtempSync(path.join(testTempDir(), 'hindsight-workflow-'));
    const broken = path.join(dir, 'broken.yml');
    // A misspelt event and `step` for `steps`: both mistakes GitHub would reject.
    fs.writeFileSync(
      broken,
      'on:\n  pull_requests:\njobs:\n  check:\n    runs-on: ubuntu-latest\n    step:\n      - run: npm test\n',
    );
    const result = await validate(broken);
    expect(result.code).not.toBe(0);
    expect(result.output).toContain("Additional property 'step' is not allowed");
  });

  it('pin every action to a major version and never use npm ci', () => {
    for (const file of workflowFiles) {
      for (const step of steps(workflow(file))) {
        // An action, or one in a folder of its repository (actions/cache/restore), at a major version.
        if (step.uses) expect(step.uses, file).toMatch(/^[\w.-]+\/[\w.-]+(\/[\w.-]+)*@v\d+$/);
        if (step.run) expect(step.run, file).not.toMatch(/\bnpm ci\b/);
      }
    }
  });

  it("keep Astro's cache folder between builds: saved by the deploy, restored by pull requests", () => {
    const cacheStep = (file: string) =>
      steps(workflow(file)).find((step) => step.uses?.startsWith('actions/cache'));
    const deploy = cacheStep('deploy.yml');
    const pullRequest = cacheStep('pull-request.yml');
    expect(deploy?.uses).toMatch(/^actions\/cache@/);
    expect(pullRequest?.uses).toMatch(/^actions\/cache\/restore@/);
    for (const step of [deploy, pullRequest]) expect(step?.with?.['path']).toBe('node_modules/.astro');
    // Both name the same caches, or pull requests would never find the deploy's.
    expect(pullRequest?.with?.['restore-keys']).toBe(deploy?.with?.['restore-keys']);
  });

  it('run only npm scripts that package.json defines', () => {
    const scripts = Object.keys(
      (JSON.parse(fs.readFileSync(path.join(projectRoot, 'package.json'), 'utf8')) as { scripts: object })
        .scripts,
    );
    for (const file of workflowFiles)
      for (const step of steps(workflow(file)))
        for (const [, script] of step.run?.matchAll(/\bnpm run ([\w:-]+)/g) ?? [])
          expect(scripts, file).toContain(script);
  });
});

describe('the pull-request workflow', () => {
  const wf = workflow('pull-request.yml');
  const job = Object.values(wf.jobs)[0] as Job;

  it('runs on pull requests with read-only access, cancelling superseded runs', () => {
    expect(Object.keys(wf.on)).toContain('pull_request');
    expect(wf.permissions).toEqual({ contents: 'read' });
    expect(wf.concurrency?.['cancel-in-progress']).toBe(true);
    expect(wf.concurrency?.group).toContain('github.event.pull_request.number');
  });

  it('sets up Node from .nvmrc with the npm cache', () => {
    expect(using(job, 'actions/checkout')).toBeDefined();
    expect(using(job, 'actions/setup-node')?.with).toMatchObject({
      'node-version-file': '.nvmrc',
      cache: 'npm',
    });
  });

  it('installs, checks with annotations, builds and tests, in that order', () => {
    const order = ['npm install', 'npm run check -- --format github', 'npm run build', 'npm test'].map(
      (command) => stepIndex(job, command),
    );
    expect(order.every((index) => index >= 0)).toBe(true);
    expect([...order].sort((a, b) => a - b)).toEqual(order);
  });

  it('points the browser tests at the Chrome of GitHub-hosted runners', () => {
    const test = job.steps[stepIndex(job, 'npm test')];
    expect(test?.env?.['CHROME_PATH']).toBe('/usr/bin/google-chrome');
  });
});

describe('the deploy workflow', () => {
  const wf = workflow('deploy.yml');
  const build = wf.jobs['build'] as Job;
  const deploy = wf.jobs['deploy'] as Job;

  it('runs on pushes to main, one deployment at a time, never cancelling one', () => {
    expect(wf.on['push']).toEqual({ branches: ['main'] });
    expect(Object.keys(wf.on)).toContain('workflow_dispatch');
    expect(wf.concurrency).toEqual({ group: 'pages', 'cancel-in-progress': false });
  });

  it('builds the internal site with the address and base path configure-pages reports', () => {
    const pages = using(build, 'actions/configure-pages');
    expect(pages?.id).toBe('pages');
    const buildStep = build.steps[stepIndex(build, 'npm run build')];
    expect(buildStep?.env).toEqual({
      HINDSIGHT_SITE: '${{ steps.pages.outputs.origin }}',
      HINDSIGHT_BASE: '${{ steps.pages.outputs.base_path }}',
      HINDSIGHT_AUDIENCE: 'internal',
    });
    expect(build.steps.indexOf(pages as Step)).toBeLessThan(stepIndex(build, 'npm run build'));
    expect(stepIndex(build, 'npm install')).toBeGreaterThanOrEqual(0);
    expect(using(build, 'actions/upload-pages-artifact')?.with).toEqual({ path: 'dist' });
  });

  it('refuses, before building, a Pages site anyone can read, unless a variable says so on purpose', () => {
    const guard = build.steps.findIndex((step) => step.run?.includes('/pages'));
    const step = build.steps[guard];
    expect(step?.run).toContain('gh api "repos/${GITHUB_REPOSITORY}/pages"');
    // Anything but an explicit "public": false counts as public.
    expect(step?.run).toContain('if .public == false then "private" else "public" end');
    expect(step?.run).toMatch(/exit 1/);
    expect(step?.env).toEqual({
      GH_TOKEN: '${{ github.token }}',
      MAY_BE_PUBLIC: '${{ vars.INTERNAL_SITE_MAY_BE_PUBLIC }}',
    });
    expect(build.permissions).toEqual({ contents: 'read', pages: 'read' });
    expect(guard).toBeGreaterThan(build.steps.indexOf(using(build, 'actions/configure-pages') as Step));
    expect(guard).toBeLessThan(stepIndex(build, 'npm run build'));
  });

  it('deploys in its own job with only the permissions Pages needs', () => {
    expect(deploy.needs).toBe('build');
    expect(deploy.permissions).toEqual({ pages: 'write', 'id-token': 'write' });
    expect(deploy.environment?.name).toBe('github-pages');
    expect(using(deploy, 'actions/deploy-pages')).toBeDefined();
  });

  it('passes values that the site configuration reads as GitHub Pages means them', () => {
    // configure-pages gives a project site `/<repository>` and a user site or custom domain "".
    const project = resolveConfig(
      {},
      { HINDSIGHT_SITE: 'https://acme.github.io', HINDSIGHT_BASE: '/postmortems' },
    );
    expect(project.site).toBe('https://acme.github.io');
    expect(project.base).toBe('/postmortems/');
    expect(resolveConfig({}, { HINDSIGHT_SITE: 'https://sre.acme.example', HINDSIGHT_BASE: '' }).base).toBe(
      '/',
    );
  });
});

describe('the public deploy workflow', () => {
  const wf = workflow('deploy-public.yml');
  const job = wf.jobs['publish'] as Job;
  const build = job.steps[stepIndex(job, 'npm run build')];
  const publish = job.steps.find((step) => step.run?.includes('git push'));

  it('runs on pushes to main once PUBLIC_SITE is set, or by hand, never cancelling a run', () => {
    expect(wf.on['push']).toEqual({ branches: ['main'] });
    expect(Object.keys(wf.on)).toContain('workflow_dispatch');
    expect(job.if).toBe("vars.PUBLIC_SITE != '' || github.event_name == 'workflow_dispatch'");
    expect(wf.concurrency).toEqual({ group: 'public-site', 'cancel-in-progress': false });
  });

  it('lets its own token only read, and keeps it out of git', () => {
    expect(wf.permissions).toEqual({ contents: 'read' });
    expect(job.permissions).toBeUndefined();
    expect(using(job, 'actions/checkout')?.with).toEqual({ 'persist-credentials': false });
  });

  it('builds for the public, so the leak check runs, at the address PUBLIC_SITE names', () => {
    expect(build?.env).toEqual({
      HINDSIGHT_AUDIENCE: 'public',
      HINDSIGHT_SITE: '${{ steps.target.outputs.origin }}',
      HINDSIGHT_BASE: '${{ steps.target.outputs.base }}',
    });
    expect(stepIndex(job, 'npm install')).toBeLessThan(stepIndex(job, 'npm run build'));
  });

  it('reads PUBLIC_SITE as GitHub Pages means it: the origin, and the path as the base', async () => {
    const target = job.steps.find((step) => step.id === 'target');
    const script = (target?.run ?? '').split('\n').filter((line) => /^(origin|base)=/.test(line.trim()));
    expect(script).toHaveLength(2);
    for (const [site, origin, base] of [
      ['https://acme.github.io/postmortems-public/', 'https://acme.github.io', '/postmortems-public/'],
      ['https://postmortems.acme.example', 'https://postmortems.acme.example', ''],
    ] as const) {
      const { stdout } = await run('bash', ['-c', `${script.join('\n')}\necho "$origin|$base"`], {
        env: { ...process.env, PUBLIC_SITE: site },
      });
      expect(stdout.trim()).toBe(`${origin}|${base}`);
      expect(resolveConfig({}, { HINDSIGHT_SITE: origin, HINDSIGHT_BASE: base }).base).toBe(base || '/');
    }
  });

  it('publishes only after the build passed, with the deploy key, to the pinned GitHub host key', () => {
    expect(publish).toBeDefined();
    expect(job.steps.indexOf(publish as Step)).toBeGreaterThan(stepIndex(job, 'npm run build'));
    expect(publish?.env?.['DEPLOY_KEY']).toBe('${{ secrets.PUBLIC_SITE_DEPLOY_KEY }}');
    expect(publish?.run).toContain('StrictHostKeyChecking=yes');
    expect(publish?.run).toContain('github.com ssh-ed25519 ');
    expect(publish?.run).toContain('touch .nojekyll');
  });
});

describe('the pull-request template', () => {
  const template = fs.readFileSync(path.join(github, 'pull_request_template.md'), 'utf8');
  const checklist = [...template.matchAll(/^- \[ \] (.+)$/gm)].map(([, item]) => item ?? '');
  const content = fixtureContent('basic');
  const schemaFields = fieldPaths(
    postmortemSchema({
      rootCauseIds: ids(taxonomyFile(content, 'root-causes.yaml')),
      severityIds: ids(taxonomyFile(content, 'severities.yaml')),
    }),
  );

  it.each([
    ['blameless language', /blameless/i],
    ['a complete timeline, detection and misleading paths included', /timeline.*detection.*misleading/i],
    ['a root cause that explains why', /root ?cause.*why/i],
    ['tasks with an owner, a due date and a type', /tasks.*owner.*due.*type/i],
    ['quantified impact', /impact.*quantified|quantified.*impact/i],
    ['related incidents linked', /related/],
    ['a passing check', /npm run check/],
    ['the status set to published on approval', /status: published/],
  ])('asks for %s', (_what, pattern) => {
    expect(checklist.some((item) => pattern.test(item))).toBe(true);
  });

  it('names only fields the schema accepts', () => {
    const named = [...template.matchAll(/`([a-z][A-Za-z]*(?:\.[a-z][A-Za-z]*)?)`/g)].map(
      ([, field]) => field ?? '',
    );
    // A path (`impact.summary`), its first part (`tasks`) or its last (`owner`, for `tasks[].owner`).
    const known = new Set(schemaFields.flatMap((field) => [field, ...field.split(/\W+/)]));
    // Values rather than fields: task types and timeline kinds.
    const values = new Set<string>([...TASK_TYPES, ...TIMELINE_KINDS]);
    expect(named).toContain('rootCause.summary');
    expect(named.filter((name) => !known.has(name) && !values.has(name))).toEqual([]);
  });
});

describe('the CODEOWNERS example', () => {
  const rules = fs
    .readFileSync(path.join(github, 'CODEOWNERS.example'), 'utf8')
    .split('\n')
    .filter((line) => line.trim() && !line.startsWith('#'))
    .map((line) => line.trim().split(/\s+/));

  it('gives every pattern an owner', () => {
    for (const [pattern, ...owners] of rules) {
      expect(pattern).toMatch(/^\//);
      expect(owners.length, pattern).toBeGreaterThan(0);
      for (const owner of owners) expect(owner).toMatch(/^@[\w-]+(\/[\w-]+)?$/);
    }
  });

  it('has postmortems and taxonomies reviewed by different owners', () => {
    const owners = (pattern: string) => rules.find(([path]) => path === pattern)?.slice(1);
    expect(owners('/content/postmortems/')).toBeDefined();
    expect(owners('/content/taxonomy/')).toBeDefined();
    expect(owners('/content/postmortems/')).not.toEqual(owners('/content/taxonomy/'));
  });
});
