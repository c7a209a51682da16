/** The roster import view: a path with completion, a preview with problems and the diff, apply. */
package fanout.console.tui.roster;
