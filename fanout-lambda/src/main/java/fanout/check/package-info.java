/** Checks shared by the records of both modules: one line names every required component. */
package fanout.check;
