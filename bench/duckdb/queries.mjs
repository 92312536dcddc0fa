// DuckDB, the speed peer of dgcheck's benchmark (cmd/dgbench).
//
//   node queries.mjs parquet CSV PARQUET   write the Parquet twin of CSV, as DuckDB writes it
//   node queries.mjs time FILE             time the three queries over FILE (CSV or Parquet)
//
// The three queries are what a user would write instead of dgcheck: a profile of every
// column (nulls, approximate and exact distinct counts, min and max), pattern counts of the
// identifier columns, and the ISO 7064 MOD 11-2 check character of the resident ID numbers.
// Each query reads the file afresh, as three queries in a notebook would. `time` prints one
// line of JSON: {"version", "rows", "seconds": [q1, q2, q3], "total"}; the times are of the
// queries alone, without Node's start-up, to be fair to the peer. DuckDB runs on two threads,
// the machine's cores, so that neither side gets more of the machine than the other.
import duckdb from '@duckdb/node-api';

const [mode, file, out] = process.argv.slice(2);
if (!['parquet', 'time'].includes(mode) || !file || (mode === 'parquet' && !out)) {
  console.error('usage: node queries.mjs parquet CSV PARQUET | node queries.mjs time FILE');
  process.exit(2);
}

const quote = (s) => `'${s.replaceAll("'", "''")}'`;
const instance = await duckdb.DuckDBInstance.create(':memory:', { threads: '2' });
const conn = await instance.connect();
const scan = file.endsWith('.parquet') ? `read_parquet(${quote(file)})` : `read_csv(${quote(file)})`;

if (mode === 'parquet') {
  await conn.run(`COPY (SELECT * FROM ${scan}) TO ${quote(out)} (FORMAT parquet)`);
  process.exit(0);
}

const version = (await conn.runAndReadAll('SELECT version()')).getRows()[0][0];
const columns = (await conn.runAndReadAll(`DESCRIBE SELECT * FROM ${scan}`)).getRows().map((r) => r[0]);
const id = (c) => `"${c.replaceAll('"', '""')}"`;

// 1. The profile: per column, nulls, approximate and exact distinct, min and max.
const profile = `SELECT count(*) AS rows, ${columns.map((c, i) =>
  `count(*) - count(${id(c)}) AS n${i}, approx_count_distinct(${id(c)}) AS a${i}, ` +
  `count(DISTINCT ${id(c)}) AS d${i}, min(${id(c)}) AS lo${i}, max(${id(c)}) AS hi${i}`).join(', ')} FROM ${scan}`;

// 2. Pattern counts over the identifier-like columns, as text whatever type DuckDB gave them.
const text = (c) => `CAST(${id(c)} AS VARCHAR)`;
const patterns = `SELECT
  count_if(regexp_full_match(${text('sfzh')}, '[1-9][0-9]{5}(18|19|20)[0-9]{2}(0[1-9]|1[0-2])(0[1-9]|[12][0-9]|3[01])[0-9]{3}[0-9Xx]')) AS resident_id,
  count_if(regexp_full_match(${text('mobile')}, '1[3-9][0-9]{9}')) AS mobile,
  count_if(regexp_full_match(${text('birth_date')}, '[0-9]{4}-[0-9]{2}-[0-9]{2}')) AS iso_date,
  count_if(regexp_full_match(${text('household_id')}, '[A-Z]{2}[0-9]{4}-[0-9]{6}')) AS household_id,
  count_if(regexp_matches(${text('remark')}, '1[3-9][0-9]{9}')) AS remark_mobile
FROM ${scan}`;

// 3. ISO 7064 MOD 11-2: the weighted sum of the first 17 digits picks the 18th character.
const weights = [7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2];
const sum = weights.map((w, i) => `${w} * CAST(substr(s, ${i + 1}, 1) AS INTEGER)`).join(' + ');
const checkDigits = `SELECT count(*) AS checked,
  count_if(substr('10X98765432', (${sum}) % 11 + 1, 1) = upper(substr(s, 18, 1))) AS valid
FROM (SELECT ${text('sfzh')} AS s FROM ${scan}) WHERE regexp_full_match(s, '[0-9]{17}[0-9Xx]')`;

const seconds = [];
let rows = 0;
for (const [i, sql] of [profile, patterns, checkDigits].entries()) {
  const start = process.hrtime.bigint();
  const result = (await conn.runAndReadAll(sql)).getRows()[0];
  seconds.push(Number(process.hrtime.bigint() - start) / 1e9);
  if (i === 0) rows = Number(result[0]);
}
console.log(JSON.stringify({ version, rows, seconds, total: seconds.reduce((a, b) => a + b, 0) }));
