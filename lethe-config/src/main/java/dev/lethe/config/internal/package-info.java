/**
 * How a {@code lethe.yaml} becomes the core model. Not API: only {@link dev.lethe.config.ConfigLoader} uses it.
 *
 * <p>Design note: the YAML is composed into a node tree (never constructed into Java maps), so every value keeps
 * its line and column. {@link dev.lethe.config.internal.Section} is a mapping being read with a
 * {@link dev.lethe.config.internal.Scope} ("policy 'x'"): its typed accessors either return a value or throw a
 * located {@link dev.lethe.config.ConfigException}. Readers go top-down (config, stores, policies, then the
 * parts of a policy) and stop at the first problem; each check is made where the node it blames is at hand.
 * The core model's own checks remain the last line: any {@link java.lang.IllegalArgumentException} they throw
 * is reported at the policy's name.
 */
package dev.lethe.config.internal;
