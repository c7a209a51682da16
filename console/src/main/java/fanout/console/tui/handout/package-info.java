/** The handout view: what students need, big enough to read from the back of the room. */
package fanout.console.tui.handout;
