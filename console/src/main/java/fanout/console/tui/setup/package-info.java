/** The connect view and the setup checklist (deploy, roster, handout, check, activate, hook). */
package fanout.console.tui.setup;
