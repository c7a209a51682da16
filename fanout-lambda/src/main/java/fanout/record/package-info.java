/** Placeholder of fwd-parts' API (replaced when their branch is merged). */
package fanout.record;
