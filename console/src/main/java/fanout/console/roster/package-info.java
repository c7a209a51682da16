/**
 * The class roster as a CSV file: parsing, validation against the workshop, the diff against the
 * targets table, import/export/template, and their commands.
 */
package fanout.console.roster;
