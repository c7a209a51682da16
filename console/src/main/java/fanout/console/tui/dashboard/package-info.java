/**
 * The live dashboard: one row per destination from a status snapshot, worst first, filters, marks
 * and bulk actions, and a detail view with sparklines.
 */
package fanout.console.tui.dashboard;
