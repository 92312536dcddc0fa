#!/usr/bin/env node
// DuckDB as the oracle for what dgcheck should read.
//
//   node run.mjs [options] CORPUS_DIR DGCHECK_BIN
//
// For every .csv and .tsv file under CORPUS_DIR (recursively), it reads the file with
// DuckDB's read_csv and its default auto-detection (sample_size=-1: the sniffer sees every
// row), materialising every column so that a value DuckDB cannot cast is an error, and runs
// `DGCHECK_BIN check -q FILE` from an empty working directory (no dgcheck.yaml). It then prints
// how many files there are, how many DuckDB reads, how many dgcheck reads (exit 0 or 1), and,
// among the files DuckDB reads, those dgcheck refuses (exit 2), grouped by dgcheck's error
// message with the numbers in it blanked.
//
// Options:
//   --duckdb-timeout SECONDS    longest DuckDB may read one file (default 20); past it, it is interrupted and counted as not read
//   --dgcheck-timeout SECONDS   longest dgcheck may check one file (default 60); past it, it is killed and counted apart
//   --jobs N                    dgcheck processes at a time (default: the number of CPUs)
//   --sample-size N             DuckDB's sample_size (default -1, every row)
//   --json FILE                 also write every file's results to FILE
//   --max-refusals N            exit 1 when dgcheck refuses, times out or crashes on more than N files DuckDB reads (default: report only)
//   --examples N                files listed under each refusal reason (default 5; 0 lists all)
//
// Exit codes: 0 done (and within --max-refusals), 1 more failures than --max-refusals,
// 3 the harness itself could not run (bad arguments, DuckDB not installed, no files).

import { spawn } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';

function usage(msg) {
  if (msg) console.error(`run.mjs: ${msg}`);
  console.error('usage: node run.mjs [--duckdb-timeout S] [--dgcheck-timeout S] [--jobs N] [--sample-size N] [--json FILE] [--max-refusals N] [--examples N] CORPUS_DIR DGCHECK_BIN');
  process.exit(3);
}

const opts = {
  duckdbTimeout: 20,
  dgcheckTimeout: 60,
  jobs: Math.max(1, os.availableParallelism ? os.availableParallelism() : os.cpus().length),
  sampleSize: -1,
  json: '',
  maxRefusals: -1,
  examples: 5,
};
const positional = [];
const argv = process.argv.slice(2);
for (let i = 0; i < argv.length; i++) {
  const a = argv[i];
  const num = (name) => {
    const v = Number(argv[++i]);
    if (!Number.isFinite(v)) usage(`${name} needs a number`);
    return v;
  };
  switch (a) {
    case '--duckdb-timeout': opts.duckdbTimeout = num(a); break;
    case '--dgcheck-timeout': opts.dgcheckTimeout = num(a); break;
    case '--jobs': opts.jobs = Math.max(1, num(a)); break;
    case '--sample-size': opts.sampleSize = num(a); break;
    case '--max-refusals': opts.maxRefusals = num(a); break;
    case '--examples': opts.examples = num(a); break;
    case '--json': opts.json = argv[++i] ?? usage('--json needs a file'); break;
    case '-h': case '--help': usage(); break;
    default:
      if (a.startsWith('--')) usage(`unknown option ${a}`);
      positional.push(a);
  }
}
if (positional.length !== 2) usage('need CORPUS_DIR and DGCHECK_BIN');
const corpus = path.resolve(positional[0]);
const dgcheck = path.resolve(positional[1]);
if (!fs.statSync(corpus, { throwIfNoEntry: false })?.isDirectory()) usage(`${corpus} is not a folder`);
if (!fs.statSync(dgcheck, { throwIfNoEntry: false })?.isFile()) usage(`${dgcheck} is not a file`);

let duckdb;
try {
  duckdb = await import('@duckdb/node-api');
} catch (err) {
  usage(`DuckDB's Node API is not installed (cd ${path.dirname(new URL(import.meta.url).pathname)} && npm ci): ${err.message}`);
}

// The corpus: regular files ending .csv or .tsv, in a stable order.
function walk(dir, out) {
  for (const e of fs.readdirSync(dir, { withFileTypes: true }).sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0))) {
    const p = path.join(dir, e.name);
    if (e.isDirectory()) walk(p, out);
    else if (e.isFile() && /\.(csv|tsv)$/i.test(e.name)) out.push(p);
  }
  return out;
}
const files = walk(corpus, []);
if (files.length === 0) usage(`no .csv or .tsv file under ${corpus}`);

const work = fs.mkdtempSync(path.join(os.tmpdir(), 'dgcheck-duckdb-oracle-'));
process.on('exit', () => fs.rmSync(work, { recursive: true, force: true }));

// DuckDB, one file after another on one connection, each bounded by --duckdb-timeout.
const instance = await duckdb.DuckDBInstance.create(':memory:', { threads: '2', memory_limit: '2GB' });
const conn = await instance.connect();
const version = (await conn.runAndReadAll('SELECT version()')).getRows()[0][0];

const sqlString = (s) => `'${s.replaceAll("'", "''")}'`;
let linkSeq = 0;
// read_csv takes a path as a glob; a name with glob characters ([avalon]_daily-avg.csv) is
// read through a plainly named link to it, with the same extension.
function duckdbPath(file) {
  if (!/[*?[\]{}]/.test(file)) return file;
  const link = path.join(work, `link${linkSeq++}${path.extname(file)}`);
  fs.symlinkSync(file, link);
  return link;
}

async function readWithDuckDB(file) {
  const sql = `CREATE OR REPLACE TEMP TABLE t AS SELECT * FROM read_csv(${sqlString(duckdbPath(file))}, sample_size=${opts.sampleSize})`;
  let timedOut = false;
  const timer = setTimeout(() => { timedOut = true; conn.interrupt(); }, opts.duckdbTimeout * 1000);
  const start = Date.now();
  try {
    await conn.run(sql);
    const rows = Number((await conn.runAndReadAll('SELECT count(*) FROM t')).getRows()[0][0]);
    const columns = (await conn.runAndReadAll('SELECT * FROM t LIMIT 0')).columnCount;
    return { reads: true, rows, columns, ms: Date.now() - start };
  } catch (err) {
    const msg = timedOut ? `timed out after ${opts.duckdbTimeout}s` : String(err.message ?? err).split('\n').map((l) => l.trim()).filter(Boolean).slice(0, 2).join(' | ');
    return { reads: false, error: msg, ms: Date.now() - start };
  } finally {
    clearTimeout(timer);
  }
}

// dgcheck, --jobs at a time, each bounded by --dgcheck-timeout, from an empty folder.
const cwd = fs.mkdtempSync(path.join(work, 'cwd-'));
function checkWithDgcheck(file) {
  return new Promise((resolve) => {
    const start = Date.now();
    const child = spawn(dgcheck, ['check', '-q', file], { cwd, stdio: ['ignore', 'ignore', 'pipe'] });
    let stderr = '';
    child.stderr.on('data', (d) => { if (stderr.length < 64 * 1024) stderr += d; });
    let timedOut = false;
    const timer = setTimeout(() => { timedOut = true; child.kill('SIGKILL'); }, opts.dgcheckTimeout * 1000);
    child.on('close', (code, signal) => {
      clearTimeout(timer);
      const lines = stderr.split('\n').map((l) => l.trim()).filter(Boolean);
      const error = lines.find((l) => l.startsWith('dgcheck:')) ?? lines.at(-1) ?? '';
      resolve({ exit: timedOut ? 'timeout' : code ?? `signal ${signal}`, error, ms: Date.now() - start });
    });
    child.on('error', (err) => {
      clearTimeout(timer);
      resolve({ exit: 'spawn error', error: err.message, ms: Date.now() - start });
    });
  });
}

// A reason is dgcheck's message with the file's name and every number in it blanked.
function reason(file, error) {
  let r = error.replace(/^dgcheck:\s*/, '');
  r = r.split(file).join('FILE');
  r = r.replace(/FILE:\d+:\d+:/g, 'FILE:LINE:COL:').replace(/FILE:\d+:/g, 'FILE:LINE:');
  r = r.replace(/\d+/g, 'N');
  return r;
}

const results = files.map((file) => ({ file: path.relative(corpus, file), abs: file }));
const started = Date.now();
for (const r of results) r.duckdb = await readWithDuckDB(r.abs);
const duckdbSeconds = (Date.now() - started) / 1000;

const dgStarted = Date.now();
let next = 0;
let done = 0;
await Promise.all(Array.from({ length: opts.jobs }, async () => {
  while (next < results.length) {
    const r = results[next++];
    r.dgcheck = await checkWithDgcheck(r.abs);
    if (++done % 100 === 0) console.error(`run.mjs: dgcheck has checked ${done} of ${results.length} files`);
  }
}));
const dgcheckSeconds = (Date.now() - dgStarted) / 1000;
conn.closeSync();

const duckReads = results.filter((r) => r.duckdb.reads);
const dgReads = (r) => r.dgcheck.exit === 0 || r.dgcheck.exit === 1;
const refused = duckReads.filter((r) => r.dgcheck.exit === 2);
const otherFail = duckReads.filter((r) => !dgReads(r) && r.dgcheck.exit !== 2);
const groups = new Map();
for (const r of refused) {
  const key = reason(r.abs, r.dgcheck.error);
  if (!groups.has(key)) groups.set(key, []);
  groups.get(key).push(r);
}
const sorted = [...groups.entries()].sort((a, b) => b[1].length - a[1].length || (a[0] < b[0] ? -1 : 1));

const out = [];
out.push(`corpus:   ${corpus}`);
out.push(`dgcheck:  ${dgcheck}`);
out.push(`DuckDB:   ${version} (@duckdb/node-api), read_csv auto-detection, sample_size=${opts.sampleSize}`);
out.push('');
out.push(`files:                                   ${results.length}`);
out.push(`DuckDB reads:                            ${duckReads.length}   (${duckdbSeconds.toFixed(1)}s; ${results.filter((r) => r.duckdb.error?.startsWith('timed out')).length} timed out)`);
out.push(`dgcheck reads (exit 0/1):                ${results.filter(dgReads).length}   (${dgcheckSeconds.toFixed(1)}s, ${opts.jobs} at a time)`);
out.push(`dgcheck refuses (exit 2):                ${results.filter((r) => r.dgcheck.exit === 2).length}`);
out.push(`DuckDB reads, dgcheck reads:             ${duckReads.filter(dgReads).length}`);
out.push(`DuckDB reads, dgcheck refuses (exit 2):  ${refused.length}   (${refused.filter((r) => r.duckdb.rows === 0).length} of them 0 rows to DuckDB)`);
out.push(`DuckDB reads, dgcheck timeout/crash:     ${otherFail.length}`);
out.push(`DuckDB refuses, dgcheck reads:           ${results.filter((r) => !r.duckdb.reads && dgReads(r)).length}`);
out.push('');
out.push(`Files DuckDB reads and dgcheck refuses, by dgcheck's error (${sorted.length} reasons):`);
for (const [key, rs] of sorted) {
  out.push('');
  out.push(`${String(rs.length).padStart(4)}  ${key}`);
  const shown = opts.examples > 0 ? rs.slice(0, opts.examples) : rs;
  for (const r of shown) out.push(`        ${r.file}  [DuckDB: ${r.duckdb.rows} rows x ${r.duckdb.columns} columns]  ${r.dgcheck.error.replace(/^dgcheck:\s*/, '').split(r.abs).join(r.file)}`);
  if (shown.length < rs.length) out.push(`        ... and ${rs.length - shown.length} more (--examples 0 lists all)`);
}
if (otherFail.length > 0) {
  out.push('');
  out.push('Files DuckDB reads and dgcheck neither reads nor refuses (timeout, crash):');
  for (const r of otherFail) out.push(`        ${r.file}  exit ${r.dgcheck.exit}  ${r.dgcheck.error}`);
}
console.log(out.join('\n'));

if (opts.json) {
  fs.writeFileSync(opts.json, JSON.stringify({
    corpus, dgcheck, duckdb: version, sampleSize: opts.sampleSize,
    files: results.length,
    duckdbReads: duckReads.length,
    dgcheckReads: results.filter(dgReads).length,
    refused: refused.length,
    reasons: sorted.map(([key, rs]) => ({ reason: key, count: rs.length, files: rs.map((r) => r.file) })),
    results: results.map(({ abs, ...r }) => r),
  }, null, 2) + '\n');
}

// A file dgcheck neither reads nor refuses (a timeout, a crash) fails worse than a refusal,
// so it counts against --max-refusals too.
if (opts.maxRefusals >= 0 && refused.length + otherFail.length > opts.maxRefusals) {
  console.error(`run.mjs: dgcheck refuses ${refused.length} files DuckDB reads, and times out or crashes on ${otherFail.length}: more than --max-refusals ${opts.maxRefusals}`);
  process.exit(1);
}
