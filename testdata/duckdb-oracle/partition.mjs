#!/usr/bin/env node
// DuckDB writes a Parquet file as a Hive-partitioned dataset, for the test that a directory of
// Parquet files reads as the one file it was cut from (TestPartitionedParquetIsTheFile).
//
//   node partition.mjs SOURCE.parquet OUT_DIR
//
// writes OUT_DIR/single.parquet (SOURCE's rows, in order, with a text column part: p0, p1, p2 by
// row number) and OUT_DIR/partitioned/part=p0/..., the same rows partitioned by part, whose
// files do not hold the part column (DuckDB's default, as Hive's).

import { DuckDBInstance } from '@duckdb/node-api';

const [source, out] = process.argv.slice(2);
if (!source || !out) {
  console.error('usage: node partition.mjs SOURCE.parquet OUT_DIR');
  process.exit(3);
}
const quote = (s) => `'${s.replaceAll("'", "''")}'`;
const db = await DuckDBInstance.create(':memory:');
const c = await db.connect();
const rows = `SELECT *, 'p' || ((row_number() OVER () - 1) % 3) AS part FROM read_parquet(${quote(source)})`;
await c.run(`COPY (${rows}) TO ${quote(out + '/single.parquet')} (FORMAT parquet)`);
await c.run(`COPY (${rows}) TO ${quote(out + '/partitioned')} (FORMAT parquet, PARTITION_BY (part))`);
