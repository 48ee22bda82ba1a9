// Accord's browser end-to-end tests: the real binary, a real browser (Debian's Chromium driven by
// playwright-core), a temporary database.
//
//   node web/tests/e2e.mjs            (after `cargo build -p accord-cli` and `npm ci` in web/)
//
// Environment: ACCORD_BIN (default target/debug/accord), CHROMIUM (default /usr/bin/chromium),
// E2E_OUT (screenshots, default target/e2e). Exits non-zero, naming the failed step, on any
// failure; a screenshot of the page at that moment is saved as FAILED-<step>.png.
//
// What is covered (issue 4, "Tests"): sign in → create an incident with a new source → add a
// finding on it, picking the provision from the suggestions → confirm it → the dashboard shows the
// mechanism triggered (and, on the way, an evidence file uploaded on the incident page, whose page
// shows the file's SHA-256 and whose download is the same bytes); the same flow with JavaScript
// disabled (the upload form is a plain multipart form); a private case is 404 to an
// anonymous visitor and to a signed-in non-member; the dashboard's first load, assets included, is
// under 100 KB as transferred; a Khmer word inside a Khmer sentence is found by the timeline search;
// after a letter (issue 14 §4), its delivery, a response and a follow-up letter are recorded through
// the plain forms, and the mechanism's page and the dashboard show them; a Khmer reader and a
// French reader (issue 16 §4) choose their language with the switch, without JavaScript, and go
// through the timeline, a search, an incident, its history, the new-finding form, an actor and
// the account: `<html lang>` follows and none of a list of English labels is on those pages
// (screenshots of the Khmer pages are kept in E2E_OUT, to look at their shaping); a French and a
// Khmer reader open a letter with versions and switch to theirs (`<html lang>` becomes the
// letter's, the interface stays marked in the reader's, `<link rel="alternate" hreflang>` names the
// others), an invited organisation signs the Khmer version through its link, and a Khmer reader
// sees an incident's and an actor's Khmer translation, the original marked where there is none,
// and the translators' page listing what is missing (issue 16 §2 and §3; km-letter-version.png).

import { spawn, spawnSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync, cpSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

import { chromium } from 'playwright-core';

const here = dirname(fileURLToPath(import.meta.url));
const root = resolve(here, '../..');
const BIN = resolve(root, process.env.ACCORD_BIN ?? 'target/debug/accord');
const CHROMIUM = process.env.CHROMIUM ?? '/usr/bin/chromium';
const OUT = resolve(root, process.env.E2E_OUT ?? 'target/e2e');
const FIXTURE = join(here, 'fixture-case');
const REFERENCE = join(root, 'data/cases/cambodia-2017');

const ADMIN = { email: 'admin@example.org', password: 'correct horse battery staple' };
const OUTSIDER = { email: 'outsider@example.org', password: 'another long passphrase' };
/// The first load of a dashboard, every request included, as transferred (issue 4).
const DASHBOARD_BUDGET = 100 * 1024;
/// A Khmer sentence ("The National Assembly adopted the law on associations and non-governmental
/// organisations"), written without spaces between words as Khmer is; the search must find the
/// word សមាគម ("association") inside it.
const KHMER_SENTENCE = 'រដ្ឋសភាបានអនុម័តច្បាប់ស្តីពីសមាគមនិងអង្គការមិនមែនរដ្ឋាភិបាល';
const KHMER_WORD = 'សមាគម';
/// "Senate": not in the sentence, so searching it must not find the incident.
const KHMER_ABSENT = 'ព្រឹទ្ធសភា';

const started = Date.now();
/// The binary's environment: no ACCORD_* setting of the caller's may point it elsewhere.
const ENV = Object.fromEntries(Object.entries(process.env).filter(([k]) => !k.startsWith('ACCORD_')));
const work = mkdtempSync(join(tmpdir(), 'accord-e2e-'));
const DB = join(work, 'e2e.db');
let server = null;
let serverLog = '';
let browser = null;
let current = null; // the page of the step running, for the failure screenshot
let passed = 0;
/// The administrator's cookies after signing in (later contexts reuse them: argon2 is slow on purpose).
let adminState = null;

class Failure extends Error {}

function fail(message) {
  throw new Failure(message);
}

function check(condition, message) {
  if (!condition) fail(message);
}

async function step(name, fn) {
  const t0 = Date.now();
  try {
    await fn();
  } catch (e) {
    e.step = e.step ?? name;
    throw e;
  }
  passed += 1;
  console.log(`  ok  ${name} (${Date.now() - t0} ms)`);
}

/// Run the accord binary to completion; fail with its output if it fails.
function accord(args, input) {
  const r = spawnSync(BIN, ['--db', DB, ...args], {
    input,
    encoding: 'utf8',
    env: ENV,
  });
  if (r.status !== 0) {
    fail(`accord ${args.join(' ')} failed (${r.status}):\n${r.stdout}${r.stderr}${r.error ?? ''}`);
  }
  return r.stdout;
}

/// Copy the fixture under another case id and import it.
function importFixture(caseId) {
  const dir = join(work, caseId);
  cpSync(FIXTURE, dir, { recursive: true });
  const toml = join(dir, 'case.toml');
  const text = readFileSync(toml, 'utf8');
  check(/^id = "e2e-fixture"$/m.test(text), 'the fixture case.toml has no id line to rewrite');
  writeFileSync(toml, text.replace(/^id = "e2e-fixture"$/m, `id = "${caseId}"`));
  accord(['import', dir]);
}

async function freePort() {
  return new Promise((ok, ko) => {
    const s = createServer();
    s.on('error', ko);
    s.listen(0, '127.0.0.1', () => {
      const { port } = s.address();
      s.close(() => ok(port));
    });
  });
}

async function startServer() {
  const port = await freePort();
  const base = `http://127.0.0.1:${port}`;
  server = spawn(BIN, ['--db', DB, 'serve', '--addr', `127.0.0.1:${port}`], {
    env: { ...ENV, ACCORD_LOG: 'warn' },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  const log = (b) => {
    serverLog += b.toString();
  };
  server.stdout.on('data', log);
  server.stderr.on('data', log);
  let exited = null;
  server.on('exit', (code) => {
    exited = code;
  });
  const deadline = Date.now() + 20_000;
  while (Date.now() < deadline) {
    if (exited !== null) fail(`accord serve exited with ${exited}:\n${serverLog}`);
    try {
      const r = await fetch(`${base}/login`);
      if (r.status === 200) return base;
    } catch {
      // Not listening yet.
    }
    await new Promise((r) => setTimeout(r, 100));
  }
  fail(`accord serve did not answer on ${base} within 20 s:\n${serverLog}`);
}

async function shot(page, name) {
  await page.screenshot({ path: join(OUT, `${name}.png`), fullPage: true });
}

async function newContext(javaScriptEnabled, options = {}) {
  const context = await browser.newContext({ javaScriptEnabled, ...options });
  context.setDefaultTimeout(10_000);
  context.setDefaultNavigationTimeout(15_000);
  return context;
}

/// Navigate and check the status; returns the response.
async function visit(page, url, status = 200) {
  const r = await page.goto(url);
  check(r, `no response for ${url}`);
  check(r.status() === status, `GET ${url}: expected ${status}, got ${r.status()}`);
  return r;
}

async function signIn(page, base, who) {
  await visit(page, `${base}/login`);
  await page.fill('#email', who.email);
  await page.fill('#password', who.password);
  await Promise.all([page.waitForURL(`${base}/`), page.click('form[action="/login"] button[type=submit]')]);
  const account = await page.textContent('header.site nav');
  check(account.includes(who.email), `after signing in the header should name ${who.email}, it says: ${account}`);
}

/// The text of the dashboard's card for a mechanism.
async function mechanismCard(page, base, caseId, mechanism) {
  await visit(page, `${base}/cases/${caseId}`);
  const card = page.locator(`#mechanism-${mechanism}`);
  check((await card.count()) === 1, `the dashboard of ${caseId} has no card for mechanism ${mechanism}`);
  return (await card.innerText()).replace(/\s+/g, ' ');
}

/// The whole researcher → reviewer flow in one case, with or without JavaScript.
async function flow(base, caseId, js) {
  const tag = js ? 'js' : 'nojs';
  const context = await newContext(js);
  const page = await context.newPage();
  current = page;
  const incidentTitle = `Editor of the Gazette arrested (${tag})`;
  let incidentUrl = null;

  await step(`[${tag}] sign in`, () => signIn(page, base, ADMIN));

  await step(`[${tag}] the mechanism starts not triggered`, async () => {
    const card = await mechanismCard(page, base, caseId, 'fpa-art-9');
    check(card.includes('Not triggered'), `FPA Art. 9 should start not triggered; the card says: ${card}`);
  });

  await step(`[${tag}] create an incident with a new source`, async () => {
    await visit(page, `${base}/cases/${caseId}`);
    await Promise.all([page.waitForURL(`**/cases/${caseId}/incidents/new`), page.click('nav[aria-label=Case] >> text=New incident')]);
    if (js) await shot(page, 'incident-form');
    await page.fill('#title', incidentTitle);
    await page.fill('#date', '2030-04-02');
    await page.selectOption('#kind', 'arrest');
    await page.fill('#place', 'Example City');
    await page.fill('#summary', 'Police arrested the editor at the newspaper office.');
    await page.fill('#themes', 'association, expression');
    await page.selectOption('#actor-1', 'interior');
    await page.selectOption('#role-1', 'perpetrator');
    await page.selectOption('#actor-2', 'gazette');
    await page.selectOption('#role-2', 'target');
    await page.fill('#new_source_title', `Gazette editor detained (${tag})`);
    await page.fill('#new_source_authors', 'C. Correspondent');
    await page.fill('#new_source_publisher', 'Example Wire');
    await page.fill('#new_source_date', '2030-04-03');
    await page.fill('#new_source_url', 'https://example.org/wire/2030/04/03');
    await Promise.all([page.waitForURL(/\/incidents\/[^/?]+\?saved=1$/), page.click('form.stack button[type=submit]')]);
    incidentUrl = page.url().replace(/\?saved=1$/, '');
    const text = await page.innerText('main');
    check(text.includes('Saved.'), 'the incident page should confirm "Saved."');
    check(text.includes(incidentTitle), 'the incident page should show the title');
    check(
      text.includes('C. Correspondent, ‘Gazette editor detained') && text.includes('Example Wire'),
      `the new source should be shown as a citation; the page says:\n${text}`,
    );
    check(text.includes('Ministry of the Interior'), 'the perpetrator should be listed');
  });

  await step(`[${tag}] upload an evidence file on the incident page`, async () => {
    await visit(page, incidentUrl);
    // Not text-only: every byte value, and more than one read buffer of the server.
    const bytes = Buffer.alloc(200_000);
    for (let i = 0; i < bytes.length; i += 1) bytes[i] = (i * 31 + tag.length) % 256;
    const sha256 = createHash('sha256').update(bytes).digest('hex');
    await page.fill('#captured_at', '2030-04-02T09:30');
    await page.fill('#captured_by', 'C. Correspondent');
    await page.fill('#source_url', 'https://example.org/wire/2030/04/03/photo');
    await page.fill('#method', 'handed over by the photographer');
    await page.setInputFiles('#file', { name: `arrest-${tag}.bin`, mimeType: 'application/octet-stream', buffer: bytes });
    await Promise.all([page.waitForURL(/\/evidence\/[^/?]+\?saved=1$/), page.click('#upload-form button[type=submit]')]);
    const shown = (await page.textContent('#sha256')).trim();
    check(shown === sha256, `the evidence page should show the file's SHA-256 ${sha256}, it shows ${shown}`);
    const text = await page.innerText('main');
    check(text.includes('2030-04-02T09:30:00Z') && text.includes('C. Correspondent'), `the capture record should be shown:\n${text}`);
    check(text.includes('received'), `the chain of custody should start with "received":\n${text}`);
    if (js) await shot(page, 'evidence');
    // The download is the same bytes (the browser's own cookies, without saving a file).
    const file = await context.request.get(`${page.url().replace(/\?saved=1$/, '')}/file`);
    check(file.status() === 200, `the download answered ${file.status()}`);
    const got = createHash('sha256').update(await file.body()).digest('hex');
    check(got === sha256, `the download's SHA-256 is ${got}, not ${sha256}`);
    check(file.headers()['content-disposition']?.startsWith('attachment'), 'a binary file is downloaded as an attachment');
    await visit(page, incidentUrl);
    const listed = await page.innerText('#evidence + ul');
    check(listed.includes(`arrest-${tag}.bin`) && listed.includes(sha256), `the incident page should list the file with its hash: ${listed}`);
  });

  await step(`[${tag}] add a finding, picking the provision from the suggestions`, async () => {
    await Promise.all([page.waitForURL(/\/findings\/new\?incident=/), page.click('text=Add a finding')]);
    const selected = await page.$eval('#incident', (s) => [...s.selectedOptions].map((o) => o.textContent));
    check(
      selected.length === 1 && selected[0].includes(incidentTitle),
      `the finding form should preselect the incident; selected: ${JSON.stringify(selected)}`,
    );
    let citation;
    if (js) {
      // htmx asks the server for suggestions as one types.
      await page.locator('#provision').pressSequentially('FPA Art. 3', { delay: 20 });
      const option = page.locator('#provision-suggestions [role=option]', { hasText: 'FPA Art. 3(1)' });
      await option.waitFor();
      const offered = await page.locator('#provision-suggestions [role=option]').allInnerTexts();
      check(
        offered.every((o) => o.startsWith('FPA Art. 3')),
        `suggestions for "FPA Art. 3" should all match it: ${JSON.stringify(offered)}`,
      );
      citation = (await option.innerText()).trim();
      await shot(page, 'finding-form');
    } else {
      // Without JavaScript the browser's own datalist offers the case's provisions.
      const offered = await page.$$eval('#provision-list option', (os) => os.map((o) => o.value));
      citation = offered.find((o) => o === 'FPA Art. 3(1)');
      check(citation, `the datalist should offer FPA Art. 3(1): ${JSON.stringify(offered)}`);
    }
    await page.fill('#provision', citation);
    await page.check('input[name=verdict][value=violation]');
    await page.fill('#rationale', 'Arresting an editor for his reporting denies the freedom the Accord guarantees.');
    await Promise.all([page.waitForURL(/\/incidents\/[^/?]+\?saved=1#finding-/), page.click('form.stack button[type=submit]')]);
    const card = (await page.locator('[id^=finding-]').first().innerText()).replace(/\s+/g, ' ');
    check(card.includes('FPA Art. 3(1)') && card.includes('draft'), `the new finding should be a draft on FPA Art. 3(1): ${card}`);
  });

  await step(`[${tag}] a draft does not trigger the mechanism`, async () => {
    const card = await mechanismCard(page, base, caseId, 'fpa-art-9');
    check(card.includes('Not triggered'), `a draft finding must not trigger FPA Art. 9: ${card}`);
  });

  await step(`[${tag}] allow self-review (one person plays editor and reviewer here)`, async () => {
    // A finding's author may not confirm it unless the case's owner allows it.
    await visit(page, `${base}/cases/${caseId}/members`);
    const allow = page.locator(`form[action="/cases/${caseId}/self-review"]`, {
      has: page.locator('input[name=allowed][value=true]'),
    });
    check((await allow.count()) === 1, 'the members page should offer to allow self-review');
    await Promise.all([page.waitForURL(`${base}/cases/${caseId}/members`), allow.locator('button').click()]);
    check((await page.innerText('main')).includes('may confirm'), 'self-review should now be allowed');
  });

  await step(`[${tag}] confirm the finding (as reviewer)`, async () => {
    await visit(page, incidentUrl);
    const confirm = page.locator('form.inline-form', { has: page.locator('input[name=status][value=confirmed]') });
    check((await confirm.count()) === 1, 'the incident page should offer exactly one Confirm button');
    await Promise.all([page.waitForURL(incidentUrl), confirm.locator('button').click()]);
    const card = (await page.locator('[id^=finding-]').first().innerText()).replace(/\s+/g, ' ');
    check(card.includes('confirmed') && card.includes(`Reviewed by ${ADMIN.email}`), `the finding should now be confirmed: ${card}`);
    if (js) await shot(page, 'incident');
  });

  await step(`[${tag}] the dashboard shows the mechanism triggered`, async () => {
    const card = await mechanismCard(page, base, caseId, 'fpa-art-9');
    check(card.includes('Triggered since 2 April 2030'), `FPA Art. 9 should be triggered since 2 April 2030: ${card}`);
    check(card.includes(incidentTitle), `the chain should name the incident: ${card}`);
    check(card.includes('Gazette editor detained'), `the chain should cite the source: ${card}`);
    await shot(page, `dashboard-${tag}`);
  });

  await step(`[${tag}] the timeline lists the incident under its month`, async () => {
    await visit(page, `${base}/cases/${caseId}/timeline`);
    const april = page.locator('section.month', { hasText: 'April 2030' });
    check((await april.count()) === 1, 'the timeline should have an April 2030 section');
    check((await april.innerText()).includes(incidentTitle), 'April 2030 should list the new incident');
    if (js) await shot(page, 'timeline');
  });

  return { context, page };
}

/// A Khmer word inside a Khmer sentence is found by the timeline search; a word that is not there
/// does not find it.
async function khmerSearch(base, caseId, page, js) {
  const title = 'Associations law adopted (Khmer summary)';
  await step(`[${js ? 'js' : 'nojs'}] a Khmer word inside a Khmer sentence is found`, async () => {
    await visit(page, `${base}/cases/${caseId}/incidents/new`);
    await page.fill('#title', title);
    await page.fill('#date', '2030-05-10');
    await page.selectOption('#kind', 'legislation');
    await page.fill('#summary', KHMER_SENTENCE);
    await Promise.all([page.waitForURL(/\?saved=1$/), page.click('form.stack button[type=submit]')]);

    const search = async (q) => {
      if (js) {
        await visit(page, `${base}/cases/${caseId}/timeline`);
        await page.fill('#q', q);
        // htmx swaps the results in place and pushes the URL.
        await Promise.all([page.waitForURL(/[?&]q=/), page.press('#q', 'Enter')]);
        await page.waitForFunction(
          (q) => new URLSearchParams(location.search).get('q') === q,
          q,
        );
      } else {
        await visit(page, `${base}/cases/${caseId}/timeline?q=${encodeURIComponent(q)}`);
      }
      return (await page.innerText('#results')).replace(/\s+/g, ' ');
    };
    const found = await search(KHMER_WORD);
    check(found.includes(title), `searching ${KHMER_WORD} should find the incident whose summary is ${KHMER_SENTENCE}; results: ${found}`);
    check(/\b1 incident\b/.test(found), `exactly one incident should match ${KHMER_WORD}: ${found}`);
    if (js) await shot(page, 'timeline-search-khmer');
    const absent = await search(KHMER_ABSENT);
    check(!absent.includes(title) && /\b0 incidents\b/.test(absent), `searching ${KHMER_ABSENT} should find nothing: ${absent}`);
  });
}

/// A private case does not exist for anyone who is not a member.
async function privacy(base, caseId) {
  const paths = [
    `/cases/${caseId}`,
    `/cases/${caseId}/timeline`,
    `/cases/${caseId}/timeline?q=Gazette`,
    `/cases/${caseId}/incidents/party-dissolved`,
    `/cases/${caseId}/provisions`,
    `/cases/${caseId}/incidents/new`,
    `/cases/${caseId}/findings/new`,
    `/cases/${caseId}/mechanisms/fpa-art-9`,
  ];
  const missing = '/cases/no-such-case';
  for (const [who, account] of [['an anonymous visitor', null], ['a signed-in non-member', OUTSIDER]]) {
    await step(`a private case is 404 for ${who}`, async () => {
      const context = await newContext(true);
      const page = await context.newPage();
      current = page;
      if (account) await signIn(page, base, account);
      const notFound = await (await visit(page, `${base}${missing}`, 404)).text();
      check(notFound.includes('There is nothing here'), `the 404 page should say so: ${notFound}`);
      // The same cookies as the page, without rendering each answer.
      for (const p of paths) {
        const r = await context.request.get(`${base}${p}`, { maxRedirects: 0 });
        const body = await r.text();
        check(r.status() === 404, `GET ${p} as ${who}: expected 404, got ${r.status()}`);
        check(!body.includes('Freedonia'), `the 404 for ${p} must not reveal the case's title`);
        check(body === notFound, `the 404 for ${p} should be the very page a missing case gets`);
      }
      await visit(page, `${base}/`);
      check(!(await page.innerText('main')).includes('Freedonia'), `the list of cases must not show a private case to ${who}`);
      if (!account) await shot(page, 'private-case-anonymous');
      await context.close();
    });
  }
}

/// Sum what the browser received for a first load (empty cache): bodies as compressed on the
/// wire plus headers, exactly what DevTools calls "transferred".
async function firstLoadBytes(base, path, signedIn) {
  // A new context has an empty cache; a signed-in one carries only the session cookie.
  const context = await newContext(true, signedIn ? { storageState: adminState } : {});
  const page = await context.newPage();
  current = page;
  const cdp = await context.newCDPSession(page);
  await cdp.send('Network.enable');
  await cdp.send('Network.clearBrowserCache');
  await cdp.send('Network.setCacheDisabled', { cacheDisabled: true });
  const requests = new Map();
  cdp.on('Network.responseReceived', (e) => requests.set(e.requestId, { url: e.response.url, bytes: 0, done: false }));
  cdp.on('Network.loadingFinished', (e) => {
    const r = requests.get(e.requestId);
    if (r) Object.assign(r, { bytes: e.encodedDataLength, done: true });
  });
  await visit(page, `${base}${path}`);
  await page.waitForLoadState('networkidle');
  const list = [...requests.values()];
  check(list.length > 0 && list.every((r) => r.done), `not every request of ${path} finished: ${JSON.stringify(list)}`);
  await context.close();
  return { total: list.reduce((s, r) => s + r.bytes, 0), list };
}

async function dashboardWeight(base, caseId) {
  for (const [label, path, signedIn] of [
    ['the test case, signed in', `/cases/${caseId}`, true],
    ['the reference case, anonymous', '/cases/cambodia-2017', false],
  ]) {
    await step(`the dashboard's first load is under 100 KB (${label})`, async () => {
      const { total, list } = await firstLoadBytes(base, path, signedIn);
      const detail = list.map((r) => `${new URL(r.url).pathname} ${r.bytes} B`).join(', ');
      console.log(`      ${path}: ${total} bytes transferred in ${list.length} requests (${detail})`);
      check(list.some((r) => r.url.endsWith('/assets/accord.css')), 'the stylesheet should be part of the first load');
      check(total < DASHBOARD_BUDGET, `${path} took ${total} bytes, over the ${DASHBOARD_BUDGET} byte budget: ${detail}`);
    });
  }
}

async function phone(base, caseId) {
  await step('the dashboard fits a phone screen', async () => {
    const context = await newContext(true, {
      viewport: { width: 375, height: 740 },
      deviceScaleFactor: 2,
      isMobile: true,
      hasTouch: true,
      storageState: adminState,
    });
    const page = await context.newPage();
    current = page;
    await visit(page, `${base}/cases/${caseId}`);
    const overflow = await page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
    check(overflow <= 0, `the dashboard is ${overflow}px wider than a 375px phone screen`);
    await shot(page, 'phone-dashboard');
    await visit(page, `${base}/cases/${caseId}/timeline`);
    const overflowTimeline = await page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
    check(overflowTimeline <= 0, `the timeline is ${overflowTimeline}px wider than a 375px phone screen`);
    await shot(page, 'phone-timeline');
    await context.close();
  });
}

/// A copy of the fixture whose letter is dated 2021 (the fixture is set in an invented 2030, and a
/// delivery or response may not be dated after today), with a second letter that follows it up.
function importLettersFixture(caseId) {
  const dir = join(work, caseId);
  cpSync(FIXTURE, dir, { recursive: true });
  const rewrite = (path, from, to) => {
    const text = readFileSync(path, 'utf8');
    check(text.includes(from), `${path} has no ${from} to rewrite`);
    writeFileSync(path, text.replace(from, to));
  };
  rewrite(join(dir, 'case.toml'), 'id = "e2e-fixture"', `id = "${caseId}"`);
  const letter = join(dir, 'letters/appeal-2030/letter.toml');
  rewrite(letter, 'date = "2030-07-01"', 'date = "2021-07-01"');
  mkdirSync(join(dir, 'letters/follow-2021'));
  const second = readFileSync(letter, 'utf8')
    .replace('id = "appeal-2030"', 'id = "follow-2021"')
    .replace('date = "2021-07-01"', 'date = "2021-09-01"')
    .replace(/^title = .*$/m, 'title = "Second appeal to the Guarantor"');
  writeFileSync(join(dir, 'letters/follow-2021/letter.toml'), second);
  writeFileSync(join(dir, 'letters/follow-2021/body.md'), 'We wrote to you on 1 July 2021 and have had no answer.\n');
  accord(['import', dir]);
}

/// The fixture with content in several languages (issue 16 §2 and §3): its letter has a Khmer
/// version (with the addressee and the first CC line in Khmer) and a French one; the incident
/// gazette-closed and the actor freedonia have Khmer translations, the other records none.
function importLanguagesFixture(caseId) {
  const dir = join(work, caseId);
  cpSync(FIXTURE, dir, { recursive: true });
  const toml = join(dir, 'case.toml');
  writeFileSync(toml, readFileSync(toml, 'utf8').replace('id = "e2e-fixture"', `id = "${caseId}"`));
  const letter = join(dir, 'letters/appeal-2030/letter.toml');
  writeFileSync(
    letter,
    `${readFileSync(letter, 'utf8')}
[[versions]]
lang = "km"
title = "${KHMER_LETTER_TITLE}"
place = "ទីក្រុងឧទាហរណ៍"
body = """
${KHMER_LETTER_SENTENCE}
"""
closing = "ដោយសេចក្តីគោរព"
translated_by = "Translation team"
cc = ["អគ្គលេខាធិការនៃសហភាពឧទាហរណ៍"]

[[versions.addressees]]
name = "${KHMER_ADDRESSEE}"
title = "រដ្ឋមន្ត្រីការបរទេស"
organisation = "រដ្ឋាភិបាលរូរីតានី"

[[versions]]
lang = "fr"
title = "Appel au garant de l’Accord de paix de Freedonia"
body = """
Nous demandons au garant de consulter les parties.
"""
closing = "Veuillez agréer l’expression de notre haute considération."
`,
  );
  writeFileSync(
    join(dir, 'translations.toml'),
    `[[records]]
kind = "incident"
id = "gazette-closed"

[[records.translations]]
lang = "km"
by = "Translation team"
title = "${KHMER_INCIDENT_TITLE}"

[[records]]
kind = "actor"
id = "freedonia"

[[records.translations]]
lang = "km"
name = "${KHMER_ACTOR_NAME}"
`,
  );
  accord(['import', dir]);
}

const KHMER_LETTER_TITLE = 'បណ្តឹងទៅកាន់អ្នកធានានៃកិច្ចព្រមព្រៀងសន្តិភាពហ្វ្រីដូនៀ';
const KHMER_LETTER_SENTENCE = 'យើងខ្ញុំសូមស្នើឱ្យអ្នកធានាពិគ្រោះយោបល់ជាមួយភាគីនានា។';
const KHMER_ADDRESSEE = 'រដ្ឋមន្ត្រីការបរទេសនៃរូរីតានី';
const KHMER_INCIDENT_TITLE = 'កាសែតហ្គាហ្សែតត្រូវបានបង្ខំឱ្យបិទ';
const KHMER_ACTOR_NAME = 'ហ្វ្រីដូនៀ';

/// A context signed in as the administrator, reading in `lang`.
async function readerIn(base, lang, signedIn = true) {
  const context = await newContext(false, signedIn ? { storageState: adminState } : {});
  await context.addCookies([{ name: 'accord_lang', value: lang, url: base }]);
  const page = await context.newPage();
  current = page;
  return { context, page };
}

/// The `href` of each `<link rel="alternate">` in the page's head, by `hreflang` (and `type`).
async function alternates(page) {
  return page.$$eval('head link[rel=alternate]', (ls) =>
    ls.map((l) => `${l.getAttribute('hreflang')} ${l.getAttribute('type') ?? 'html'} ${l.getAttribute('href')}`),
  );
}

/// Issue 16 §3 and §2 in the browser, JavaScript off: a French and a Khmer reader open a letter
/// with versions and switch to theirs (`<html lang>` and the alternates follow, the interface keeps
/// the reader's language), an invited organisation signs the Khmer version through its link, a
/// Khmer reader sees an incident's and an actor's Khmer translation, the original marked where
/// there is none, and the translators' page lists what is missing.
async function severalLanguages(base, caseId) {
  const letter = `/cases/${caseId}/letters/appeal-2030`;
  for (const lang of ['fr', 'km']) {
    const { context, page } = await readerIn(base, lang);
    await step(`[${lang}] a letter with versions: switch to the ${lang} version`, async () => {
      await visit(page, `${base}${letter}`);
      check((await page.getAttribute('html', 'lang')) === 'en', 'the original letter page is in English');
      check((await page.getAttribute('header.site', 'lang')) === lang, `the interface is marked ${lang}`);
      const before = await alternates(page);
      for (const want of [`${lang} html ${letter}?lang=${lang}`, `km application/pdf ${letter}/download/pdf?lang=km`, `en application/pdf ${letter}/download/pdf`]) {
        check(before.includes(want), `the English page's head should link ${want}: ${before.join(' | ')}`);
      }
      await Promise.all([
        page.waitForURL(`${base}${letter}?lang=${lang}`),
        page.click(`main a[rel=alternate][hreflang=${lang}]`),
      ]);
      check((await page.getAttribute('html', 'lang')) === lang, `the ${lang} version's page should be <html lang="${lang}">`);
      check((await page.getAttribute('article.letter', 'lang')) === lang, `the letter is marked ${lang}`);
      const after = await alternates(page);
      check(after.includes(`en html ${letter}`), `the ${lang} page should link the original: ${after.join(' | ')}`);
      check(!after.some((a) => a.startsWith(`${lang} html`)), `the ${lang} page does not name itself: ${after.join(' | ')}`);
      const text = await page.innerText('article.letter');
      if (lang === 'km') {
        for (const want of [KHMER_LETTER_TITLE, KHMER_LETTER_SENTENCE, KHMER_ADDRESSEE, 'អគ្គលេខាធិការនៃសហភាពឧទាហរណ៍', 'The Parties to the Accord']) {
          check(text.includes(want), `the Khmer letter should show ${want}:\n${text}`);
        }
        check(!text.includes('Government of Ruritania'), `the Khmer letter prints its own addressee: ${text}`);
        await shot(page, 'km-letter-version');
      } else {
        check(text.includes('Nous demandons au garant'), `the French letter should show its text:\n${text}`);
      }
    });
    await context.close();
  }

  await step('[km] an invited organisation signs the Khmer version', async () => {
    const admin = await readerIn(base, 'en');
    await visit(admin.page, `${base}${letter}/signatories`);
    await admin.page.fill('#organisation', 'Khmer Human Rights Network');
    await admin.page.fill('#country', 'KH');
    await admin.page.fill('#contact', 'office@example.org');
    await admin.page.click('form.stack button[type=submit]');
    // The link is shown once, on the page the invitation answers with.
    const link = await admin.page.inputValue('input[readonly]');
    check(link.startsWith('/sign/'), `the invitation page should show the sign link: ${link}`);
    const signer = await readerIn(base, 'km', false);
    await visit(signer.page, `${base}${link}?lang=km`);
    const shown = await signer.page.innerText('article.letter');
    check(shown.includes(KHMER_LETTER_SENTENCE), `the sign page should show the Khmer text: ${shown}`);
    check((await signer.page.inputValue('input[name=lang]')) === 'km', 'the form signs the Khmer text');
    await signer.page.fill('#representative', 'S. Sok');
    await signer.page.fill('#organisation', 'Khmer Human Rights Network');
    await Promise.all([signer.page.waitForURL(`${base}${link}`), signer.page.click('button[name=action][value=sign]')]);
    const thanks = await signer.page.innerText('main');
    check(thanks.includes('សូមអរគុណសម្រាប់ការចុះហត្ថលេខា'), `the signatory should be thanked in Khmer: ${thanks}`);
    await visit(admin.page, `${base}${letter}/signatories`);
    const row = await admin.page.locator('tr', { hasText: 'Khmer Human Rights Network' }).innerText();
    check(/\bkm\b/.test(row) && row.includes('S. Sok'), `the signatories page should say the network signed in km: ${row}`);
    await signer.context.close();
    await admin.context.close();
  });

  const { context, page } = await readerIn(base, 'km');
  await step('[km] an incident and an actor in Khmer, the original marked where there is none', async () => {
    await visit(page, `${base}/cases/${caseId}/incidents/gazette-closed`);
    const h1 = await page.innerText('h1');
    check(h1.includes(KHMER_INCIDENT_TITLE), `the incident's heading should be its Khmer translation: ${h1}`);
    check((await page.getAttribute('h1', 'lang')) === 'km', 'the translated heading is marked as Khmer');
    check((await page.locator('h1 + small.translation-mark').count()) === 0, 'a translated heading is not marked original');
    await shot(page, 'km-incident-translated');
    await visit(page, `${base}/cases/${caseId}/actors/freedonia`);
    const actor = await page.innerText('main');
    check(actor.includes(KHMER_ACTOR_NAME), `the actor's name should be its Khmer translation: ${actor}`);
    await visit(page, `${base}/cases/${caseId}/incidents/party-dissolved`);
    const plain = await page.innerText('h1');
    check(plain.includes('Opposition party dissolved by ministerial decree'), `an incident without a Khmer translation shows the original: ${plain}`);
    check((await page.getAttribute('h1', 'lang')) === 'en', 'the original heading is marked as English');
    const mark = await page.innerText('h1 + small.translation-mark');
    check(mark.includes('ភាសាដើម (en)'), `the original is marked as such in Khmer: ${mark}`);
  });

  await step('[km] the translators\' page lists what is missing', async () => {
    await visit(page, `${base}/cases/${caseId}/translations`);
    const km = page.locator('#lang-km ~ table.translators').first();
    check((await km.count()) === 1, 'the translators\' page has a Khmer table');
    const rows = await km.innerText();
    check(rows.includes('party-dissolved'), `party-dissolved is not yet in Khmer: ${rows}`);
    check(!rows.includes('freedonia'), `freedonia's name is translated, so it is not listed: ${rows}`);
    await shot(page, 'km-translators');
  });
  await context.close();
}

/// After the letter (issue 14 §4), through the plain forms with JavaScript off: record the
/// letter's delivery and the guarantor's response, record that the second letter follows it up,
/// and see each on the letter's page, the mechanism's page and the dashboard.
async function followThrough(base, caseId) {
  const context = await newContext(false, { storageState: adminState });
  const page = await context.newPage();
  current = page;
  const first = `${base}/cases/${caseId}/letters/appeal-2030/follow-through`;
  const submit = async (kind) => {
    await Promise.all([
      page.waitForURL((u) => u.pathname.endsWith('/follow-through')),
      page.click(`form:has(input[name=kind][value=${kind}]) button[type=submit]`),
    ]);
  };

  await step('[nojs] record the delivery of a letter', async () => {
    await visit(page, first);
    const text = await page.innerText('main');
    check(text.includes('None recorded.'), `a new letter has nothing recorded: ${text}`);
    await page.selectOption('#delivery-to', 'guarantor');
    await page.fill('#delivery-date', '2021-07-02');
    await page.selectOption('#delivery-method', 'email');
    await submit('delivery');
    const after = (await page.innerText('main')).replace(/\s+/g, ' ');
    check(after.includes('2 July 2021 — to The Foreign Minister of Ruritania, by email'), `the delivery should be listed: ${after}`);
  });

  // (A date before the letter the browser itself refuses: the date field's minimum is the letter's.)
  await step('[nojs] a response dated in the future is refused, nothing recorded', async () => {
    await page.selectOption('#response-from', 'guarantor');
    await page.fill('#response-date', '2999-01-01');
    await page.selectOption('#response-action', 'acknowledged');
    await page.fill('#response-summary', 'The Ministry is studying the request.');
    await page.click('form:has(input[name=kind][value=response]) button[type=submit]');
    await page.waitForSelector('.errors');
    const errors = await page.innerText('.errors');
    check(errors.includes('Nothing was recorded') && errors.includes('date') && errors.includes('in the future'), `the refusal should name the date: ${errors}`);
    const responses = await page.innerText('#h-responses + *');
    check(responses.includes('None recorded.'), `nothing was recorded: ${responses}`);
  });

  await step('[nojs] record the response', async () => {
    await page.fill('#response-date', '2021-08-20');
    await submit('response');
    const after = (await page.innerText('main')).replace(/\s+/g, ' ');
    check(after.includes('The Ministry is studying the request.'), `the response should be listed: ${after}`);
    check(after.includes('acknowledged'), `the outcome should say acknowledged: ${after}`);
  });

  await step('[nojs] record a follow-up letter', async () => {
    await visit(page, `${base}/cases/${caseId}/letters/follow-2021/follow-through`);
    await page.fill('#follow_up-cites', 'appeal-2030');
    await submit('follow_up');
    const after = (await page.innerText('main')).replace(/\s+/g, ' ');
    check(after.includes('It follows up Appeal to the Guarantor of the Freedonia Peace Accord'), `the follow-up should name the letter it cites: ${after}`);
    await visit(page, first);
    const firstText = (await page.innerText('main')).replace(/\s+/g, ' ');
    check(firstText.includes('Followed up by Second appeal to the Guarantor'), `the first letter should list its follow-up: ${firstText}`);
  });

  await step('[nojs] the mechanism and the dashboard say who was asked and what they did', async () => {
    await visit(page, `${base}/cases/${caseId}/mechanisms/fpa-art-9`);
    const m = (await page.innerText('main')).replace(/\s+/g, ' ');
    check(m.includes('Letters that asked for it') && m.includes('acknowledged'), `the mechanism page should show the response: ${m}`);
    await visit(page, `${base}/cases/${caseId}`);
    const d = (await page.innerText('main')).replace(/\s+/g, ' ');
    check(d.includes('Over time'), `the dashboard should draw the case over time: ${d}`);
    await shot(page, 'follow-through-dashboard');
  });
  await context.close();
}

/// English labels of the converted pages; a page in Khmer or French must show none of them as a
/// whole line of its text (data, such as the fixture's English titles, may hold the words).
const ENGLISH_LABELS = [
  'Skip to content', 'Sign out', 'Cases', 'Dashboard', 'Timeline', 'Provisions', 'Letters',
  'Members', 'New incident', 'Search', 'Kind', 'Actor', 'Verdict', 'Filter', 'Clear', 'Date',
  'Place', 'Actors', 'Sources', 'Evidence', 'Findings', 'History', 'Edit this incident',
  'Add a finding', 'Upload a file', 'New finding', 'Rationale', 'Your account', 'Password',
  'API tokens', 'Sessions', 'Sign out everywhere', 'Create a token', 'Incidents', 'Field',
  'Before', 'After', 'private', 'published',
  // A mechanism, a letter's follow-through, a provision.
  'Counts', 'Scope', 'Findings behind it', 'Letters that asked for it', 'Party', 'Delivered',
  'Response', 'What they did', 'What each addressee did', 'Deliveries', 'Responses', 'Deadlines',
  'Record what happened', 'Record the delivery', 'Confirmed findings', 'Implementation',
  'Observations', 'Score', 'Record an observation', 'Record as a draft',
  // The dashboard's charts (their words are drawn inside the SVG), an election's page and its
  // charts, a letter.
  'Mechanisms triggered', 'Letters sent', 'Responses received', 'Over time', 'Votes and seats',
  'Vote share', 'Seat share', 'Disproportionality', 'Dissolution scenario', 'Index', 'Compute',
  'Party dissolved', 'share of votes', 'share of seats (party colour)', 'Monte-Carlo projection',
  'Signatories',
];
/// Labels French writes as English does.
const SAME_IN_FRENCH = new Set(['Date', 'Sources', 'Sessions', 'Incidents', 'Observations']);

/// A Khmer and a French reader, JavaScript off: the switch is a plain form.
async function languages(base, caseId) {
  for (const [lang, expect] of [['km', 'កាលប្បវត្តិ'], ['fr', 'Chronologie']]) {
    const context = await newContext(false, { storageState: adminState });
    const page = await context.newPage();
    current = page;
    await step(`[${lang}] the language switch, without JavaScript`, async () => {
      await visit(page, `${base}/cases/${caseId}/timeline`);
      check((await page.getAttribute('html', 'lang')) === 'en', 'the page starts in English');
      // The check below sees English where it is: the English page shows many of the labels.
      const texts = await textNodes(page);
      const seen = ENGLISH_LABELS.filter((l) => texts.has(l));
      check(seen.length >= 10, `the English timeline should show the labels; seen: ${seen.join(', ')}`);
      await Promise.all([
        page.waitForURL(`${base}/cases/${caseId}/timeline`),
        page.click(`form.language button[value=${lang}]`),
      ]);
      check((await page.getAttribute('html', 'lang')) === lang, `after the switch <html lang> should be ${lang}`);
      const h1 = await page.textContent('h1');
      check(h1 === expect, `the timeline's heading in ${lang} should be ${expect}, it is ${h1}`);
    });
    const pages = [
      ['timeline', `/cases/${caseId}/timeline`],
      ['search', `/cases/${caseId}/timeline?q=${encodeURIComponent('Gazette')}`],
      ['incident', `/cases/${caseId}/incidents/gazette-closed`],
      ['history', `/cases/${caseId}/incidents/gazette-closed/history`],
      ['finding-form', `/cases/${caseId}/findings/new?incident=gazette-closed`],
      ['actor', `/cases/${caseId}/actors/${await firstActor(page, base, caseId)}`],
      ['account', '/account'],
      ['cases', '/'],
      ['mechanism', `/cases/${caseId}/mechanisms/fpa-art-9`],
      ['follow-through', `/cases/${caseId}/letters/appeal-2030/follow-through`],
      ['provision', `/cases/${caseId}/provisions/${encodeURIComponent('FPA Art. 9')}`],
      ['dashboard', `/cases/${caseId}`],
      ['elections', `/cases/${caseId}/elections`],
      ['election', `/cases/${caseId}/elections/2029-parliament?party=B&rule=rerun&rule=minor-parties`],
      ['letter', `/cases/${caseId}/letters/appeal-2030`],
    ];
    for (const [name, path] of pages) {
      await step(`[${lang}] ${name} carries no English label`, async () => {
        await visit(page, `${base}${path}`);
        // A letter's page is the letter: <html lang> is the letter's (English here), the
        // interface around it is marked with the reader's language.
        const pageLang = name === 'letter' ? 'en' : lang;
        check((await page.getAttribute('html', 'lang')) === pageLang, `${path}: <html lang> should be ${pageLang}`);
        if (name === 'letter') {
          check((await page.getAttribute('header.site', 'lang')) === lang, `${path}: the site's header should be marked ${lang}`);
        }
        const texts = await textNodes(page);
        const english = ENGLISH_LABELS.filter((l) => texts.has(l) && !(lang === 'fr' && SAME_IN_FRENCH.has(l)));
        check(english.length === 0, `${path} in ${lang} shows English labels: ${english.join(', ')}`);
        if (lang === 'km') await shot(page, `km-${name}`);
      });
    }
    await context.close();
  }
}

/// Every text node of the page, trimmed, and the placeholders, titles and ARIA labels a reader
/// sees or hears.
async function textNodes(page) {
  const texts = await page.evaluate(() => {
    const out = [];
    const walker = document.createTreeWalker(document.body, NodeFilter.SHOW_TEXT);
    while (walker.nextNode()) out.push(walker.currentNode.textContent.trim());
    for (const e of document.querySelectorAll('[placeholder], [title], [aria-label]')) {
      for (const a of ['placeholder', 'title', 'aria-label']) if (e.hasAttribute(a)) out.push(e.getAttribute(a).trim());
    }
    return out;
  });
  return new Set(texts);
}

/// The id of the first actor the timeline's filter offers.
async function firstActor(page, base, caseId) {
  await visit(page, `${base}/cases/${caseId}/timeline`);
  const value = await page.getAttribute('#actor option:nth-child(2)', 'value');
  check(value, 'the timeline offers an actor to filter by');
  return value;
}

async function main() {
  check(existsSync(BIN), `no accord binary at ${BIN}: run \`cargo build -p accord-cli\` first (or set ACCORD_BIN)`);
  check(existsSync(CHROMIUM), `no Chromium at ${CHROMIUM}: apt-get install chromium (or set CHROMIUM)`);
  mkdirSync(OUT, { recursive: true });
  console.log(`browser tests: ${BIN}, ${CHROMIUM}, screenshots in ${OUT}`);

  await step('set up a database: fixture cases, the reference case, two accounts', async () => {
    importFixture('e2e-js');
    importFixture('e2e-nojs');
    importFixture('e2e-private');
    importLettersFixture('e2e-letters');
    importLanguagesFixture('e2e-languages');
    accord(['import', REFERENCE]);
    accord(['user', 'add', ADMIN.email, '--admin', '--password-stdin'], `${ADMIN.password}\n`);
    accord(['user', 'add', OUTSIDER.email, '--password-stdin'], `${OUTSIDER.password}\n`);
  });
  const base = await startServer();
  // Without the background-networking flags Chromium's own connections (updates, sync, QUIC
  // probes) are refused by a closed network and slow every test down.
  browser = await chromium.launch({
    executablePath: CHROMIUM,
    headless: true,
    args: [
      '--no-sandbox',
      '--disable-gpu',
      '--disable-quic',
      '--no-first-run',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
      // No --user-data-dir: playwright refuses it in launch() and gives every launch a fresh
      // temporary profile of its own (playwright_chromiumdev_profile-*), removed on close.
    ],
  });

  const withJs = await flow(base, 'e2e-js', true);
  adminState = await withJs.context.storageState();
  await khmerSearch(base, 'e2e-js', withJs.page, true);
  // The reference case is private until published; publish it as its owner would, so that the
  // anonymous first-load measurement has a realistic dashboard to load.
  await step('publish the reference case (as an administrator, through the members page)', async () => {
    const page = withJs.page;
    await visit(page, `${base}/cases/cambodia-2017/members`);
    const publish = page.locator('form[action="/cases/cambodia-2017/publish"]', {
      has: page.locator('input[name=published][value=true]'),
    });
    check((await publish.count()) === 1, 'the members page should offer to publish the case');
    await Promise.all([page.waitForURL(`${base}/cases/cambodia-2017/members`), publish.locator('button').click()]);
  });
  await withJs.context.close();

  const withoutJs = await flow(base, 'e2e-nojs', false);
  await khmerSearch(base, 'e2e-nojs', withoutJs.page, false);
  await step('[nojs] sign out', async () => {
    const page = withoutJs.page;
    await visit(page, `${base}/cases/e2e-nojs`);
    await Promise.all([page.waitForURL(`${base}/`), page.click('header.site button[type=submit]')]);
    const header = await page.innerText('header.site');
    check(header.includes('Sign in') && !header.includes(ADMIN.email), `after signing out the header should offer to sign in: ${header}`);
    await visit(page, `${base}/cases/e2e-nojs`, 404);
  });
  await withoutJs.context.close();

  await followThrough(base, 'e2e-letters');
  await languages(base, 'e2e-js');
  await severalLanguages(base, 'e2e-languages');
  await privacy(base, 'e2e-private');
  await dashboardWeight(base, 'e2e-js');
  await phone(base, 'e2e-js');
}

let code = 0;
try {
  await main();
  console.log(`browser tests: ${passed} steps passed in ${((Date.now() - started) / 1000).toFixed(1)} s`);
} catch (e) {
  code = 1;
  const where = e.step ? ` in step "${e.step}"` : '';
  console.error(`\nbrowser tests FAILED${where}:\n${e instanceof Failure ? e.message : e.stack ?? e}`);
  if (current && !current.isClosed()) {
    const name = `FAILED-${(e.step ?? 'setup').replace(/[^A-Za-z0-9]+/g, '-')}`;
    await shot(current, name).then(
      () => console.error(`screenshot: ${join(OUT, name)}.png`),
      () => {},
    );
  }
  if (serverLog.trim()) console.error(`\nserver log (last 40 lines):\n${serverLog.trim().split('\n').slice(-40).join('\n')}`);
} finally {
  await browser?.close().catch(() => {});
  server?.kill('SIGTERM');
  rmSync(work, { recursive: true, force: true });
}
process.exit(code);
