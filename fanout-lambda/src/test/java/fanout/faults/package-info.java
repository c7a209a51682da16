/**
 * The fault suite (issue 10): the real handler, in its own JVM, driven as an event source mapping
 * drives it, against the loopback sink with one fault at a time; a table and results.json of what
 * was lost, duplicated and held.
 */
package fanout.faults;
