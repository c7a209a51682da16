/**
 * Deploying and tearing down the fan-out installation (role, policies, tables, function), and the
 * doctor that checks it. Services return records and report progress through {@link
 * fanout.console.deploy.DeployListener}; the commands and the full-screen console share them.
 */
package fanout.console.deploy;
