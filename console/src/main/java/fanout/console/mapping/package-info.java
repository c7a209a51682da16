/**
 * Source-to-target mappings in the targets table: the repository (port and DynamoDB adapter), the
 * service behind register/update/activate/deactivate/unregister/list, and those commands.
 */
package fanout.console.mapping;
