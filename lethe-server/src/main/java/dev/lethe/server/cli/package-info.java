/**
 * {@code lethe serve}: the picocli command that starts the daemon from a config file. Registered as a
 * subcommand of the {@code lethe} executable; {@link dev.lethe.server.cli.ServeCommand#main} also runs it alone.
 */
package dev.lethe.server.cli;
