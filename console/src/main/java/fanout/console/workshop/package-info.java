/**
 * Workshop definitions ({@code workshops/<name>/workshop.json}): defaults and ARN templates for a
 * class.
 */
package fanout.console.workshop;
