// Starts kinesalite and dynalite in memory on 127.0.0.1 (free ports), prints their ports as one JSON line,
// and exits as soon as its standard input closes, so a parent JVM that dies never leaves it behind.
'use strict';
const kinesalite = require('kinesalite');
const dynalite = require('dynalite');

const host = '127.0.0.1';
const kinesis = kinesalite({ createStreamMs: 0, deleteStreamMs: 0, updateStreamMs: 0, shardLimit: 10000 });
const dynamo = dynalite({ createTableMs: 0, deleteTableMs: 0, updateTableMs: 0 });

function fail(what, err) {
  process.stderr.write(`local-aws: ${what} failed: ${err && err.message ? err.message : err}\n`);
  process.exit(1);
}

kinesis.on('error', (err) => fail('kinesalite', err));
dynamo.on('error', (err) => fail('dynalite', err));
kinesis.listen(0, host, () => {
  dynamo.listen(0, host, () => {
    process.stdout.write(JSON.stringify({ kinesis: kinesis.address().port, dynamodb: dynamo.address().port }) + '\n');
  });
});

process.stdin.on('data', () => {});
process.stdin.on('end', () => process.exit(0));
process.stdin.on('error', () => process.exit(0));
process.on('SIGTERM', () => process.exit(0));
