/**
 * Items of the state table ({@code <function>State}): runtime state the forwarder writes and the
 * console reads, so the mapping table stays as the original had it. One class per item kind maps
 * it; nothing else spells these keys.
 */
package fanout.state;
