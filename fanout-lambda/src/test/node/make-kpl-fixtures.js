#!/usr/bin/env node
/*
 * Writes the forwarder's Kinesis event fixtures (fanout-lambda/src/test/resources/events/) in the
 * real Lambda event shape. The KPL aggregated records are produced by the npm library
 * aws-kinesis-agg (the same format the KPL writes), never by our own encoder, so the Java
 * deaggregator is tested against an independent implementation.
 *
 * Each events/<name>.json has a sibling events/<name>.expected.json listing, per Kinesis record,
 * the user records this script put in (partition key, explicit hash key, payload text): the tests
 * compare the Java deaggregator's output with it.
 *
 * Regenerate (from the repository root, after `npm ci`):
 *   node fanout-lambda/src/test/node/make-kpl-fixtures.js
 * The output is deterministic (fixed ids, times and sequence numbers): rerunning it leaves
 * git clean unless this script or aws-kinesis-agg changed. CI does not run it; tests read the
 * committed files.
 */
'use strict';

const fs = require('fs');
const path = require('path');
const agg = require('aws-kinesis-agg');

const OUT = path.resolve(__dirname, '..', 'resources', 'events');
const SOURCE_ARN = 'arn:aws:kinesis:us-west-2:123456789012:stream/coreRetailStream';
const SHARD = 'shardId-000000000000';
const FIRST_ARRIVAL = 1764088633.125; // 2025-11-25T16:37:13.125Z
const SEQUENCE_PREFIX = '4965912739440584016742811578922693740117'; // 40 digits, 16 more appended

/** Aggregates user records with the library's public aggregate(); resolves to its encoded records. */
function aggregate(userRecords) {
  return new Promise((resolve, reject) => {
    const encoded = [];
    agg.aggregate(
      userRecords.map((r) => Object.assign({}, r, { data: Buffer.from(r.data, 'utf8') })),
      (encodedRecord, callback) => {
        encoded.push(encodedRecord);
        callback();
      },
      () => resolve(encoded),
      (error) => reject(error),
    );
  });
}

function helloRetailEvent(n, kind) {
  const id = String(7749361 + n);
  const data =
    kind === 'purchase'
      ? { schema: 'com.nordstrom/product/purchase/1-0-0', id, origin: 'hello-retail/web-client-purchase-product' }
      : {
          schema: 'com.nordstrom/product/create/1-0-0',
          id,
          brand: 'Brand ' + (n % 7),
          name: 'Product ' + n,
          description: 'A fine product, number ' + n + ' (\u00e9t\u00e9 edition)',
          category: ['Shoes', 'Socks', 'Hats'][n % 3],
        };
  return JSON.stringify({
    schema: 'com.nordstrom/retail-stream-ingress/1-0-0',
    origin: 'hello-retail/product-producer-automation',
    timeOrigin: new Date(Date.UTC(2025, 10, 25, 16, 0, n % 60)).toISOString(),
    data,
  });
}

/** Builds the Lambda event from [{partitionKey, data: Buffer}] in order. */
function lambdaEvent(kinesisRecords) {
  return {
    Records: kinesisRecords.map((record, index) => {
      const sequenceNumber = SEQUENCE_PREFIX + String(1000000000000000 + index * 7919);
      return {
        kinesis: {
          kinesisSchemaVersion: '1.0',
          partitionKey: record.partitionKey,
          sequenceNumber,
          data: record.data.toString('base64'),
          approximateArrivalTimestamp: Math.round((FIRST_ARRIVAL + index * 0.25) * 1000) / 1000,
        },
        eventSource: 'aws:kinesis',
        eventVersion: '1.0',
        eventID: SHARD + ':' + sequenceNumber,
        eventName: 'aws:kinesis:record',
        invokeIdentityArn: 'arn:aws:iam::123456789012:role/fanout-role',
        awsRegion: 'us-west-2',
        eventSourceARN: SOURCE_ARN,
      };
    }),
  };
}

/** One Kinesis record: an aggregate of users, or a plain record. */
async function aggregated(users) {
  const encoded = await aggregate(users);
  if (encoded.length !== 1) {
    throw new Error('expected one aggregate for ' + users.length + ' user records, got ' + encoded.length);
  }
  return { kinesis: { partitionKey: encoded[0].partitionKey, data: encoded[0].data }, aggregated: true, users };
}

function plain(partitionKey, text) {
  return {
    kinesis: { partitionKey, data: Buffer.from(text, 'utf8') },
    aggregated: false,
    users: [{ partitionKey, data: text }],
  };
}

function write(name, records) {
  const event = lambdaEvent(records.map((r) => r.kinesis));
  const expected = {
    generatedBy: 'fanout-lambda/src/test/node/make-kpl-fixtures.js with aws-kinesis-agg',
    records: records.map((r, index) => ({
      sequenceNumber: event.Records[index].kinesis.sequenceNumber,
      aggregated: r.aggregated,
      userRecords: r.users.map((u) => ({
        partitionKey: u.partitionKey,
        explicitHashKey: u.explicitHashKey || null,
        data: u.data,
      })),
    })),
  };
  fs.writeFileSync(path.join(OUT, name + '.json'), JSON.stringify(event, null, 2) + '\n');
  fs.writeFileSync(path.join(OUT, name + '.expected.json'), JSON.stringify(expected, null, 2) + '\n');
  console.log('wrote ' + name + ' (' + records.length + ' Kinesis records)');
}

async function main() {
  fs.mkdirSync(OUT, { recursive: true });

  // Several partition keys (repeated, so the key table is shared), one explicit hash key, a plain
  // record between two aggregates as a mixed KPL/non-KPL stream has.
  write('kpl-hello-retail', [
    await aggregated([
      { partitionKey: '7749361', data: helloRetailEvent(0, 'create') },
      { partitionKey: '7749362', data: helloRetailEvent(1, 'create') },
      {
        partitionKey: '7749361',
        explicitHashKey: '170141183460469231731687303715884105728',
        data: helloRetailEvent(0, 'purchase'),
      },
      { partitionKey: '7749363', data: helloRetailEvent(2, 'create') },
    ]),
    plain('7749364', helloRetailEvent(3, 'create')),
    await aggregated([
      { partitionKey: '7749362', data: helloRetailEvent(1, 'purchase') },
      { partitionKey: '7749365', data: helloRetailEvent(4, 'create') },
    ]),
  ]);

  // One aggregate holding 100 user records over 10 keys.
  const many = [];
  for (let n = 0; n < 100; n++) {
    many.push({ partitionKey: 'product-' + (n % 10), data: helloRetailEvent(n, n % 4 === 3 ? 'purchase' : 'create') });
  }
  write('kpl-large', [await aggregated(many)]);

  write('plain-hello-retail', [
    plain('7749361', helloRetailEvent(0, 'create')),
    plain('7749362', helloRetailEvent(1, 'create')),
    plain('7749361', helloRetailEvent(0, 'purchase')),
  ]);

  // A producer that writes something other than JSON: the hello-retail transform rejects it.
  write('plain-non-json', [
    plain('7749361', helloRetailEvent(0, 'create')),
    plain('7749366', 'product 7749366 created\tby legacy-producer\n(not JSON)'),
    plain('7749367', '[1, 2, 3]'),
  ]);
}

main().catch((error) => {
  console.error(error);
  process.exit(1);
});
