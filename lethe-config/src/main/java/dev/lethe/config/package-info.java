/**
 * Loads a {@code lethe.yaml} into the validated core model.
 *
 * <pre>{@code
 * LetheConfig config = ConfigLoader.load(Path.of("lethe.yaml"));
 * for (Policy policy : config.policies()) { ... }
 * }</pre>
 *
 * <p>Validation is strict: unknown keys, wrong types, bad durations and references to undefined stores are
 * errors, each reported as one {@link dev.lethe.config.ConfigException} whose message is a single line
 * {@code file:line:col: message}. The reference for every key is {@code docs/config.md}.
 *
 * <p>{@link dev.lethe.config.Durations} and {@link dev.lethe.config.Sizes} are the parsers for the duration and
 * size syntax, public so that other front ends (CLI flags, the HTTP API) accept exactly the same text.
 */
package dev.lethe.config;
