/** Access to AWS: the clients a console session uses, built from the standard credential chain. */
package fanout.console.aws;
