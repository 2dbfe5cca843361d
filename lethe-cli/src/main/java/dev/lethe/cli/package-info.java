/**
 * The {@code lethe} command line: {@code validate}, {@code plan}, {@code run} and {@code history} over a
 * {@code lethe.yaml}, and {@code serve} from {@code lethe-server}. Commands only load the config, call the engine and render its
 * {@link dev.lethe.core.report.RunReport}s as text or JSON; every decision about items is the engine's.
 *
 * <p>Exit codes: 0 ok; 1 failure (nothing asked for could be done); 2 bad config or usage, reported as one
 * line; 3 partial (some of the work was done). See {@link dev.lethe.cli.ExitCode}.
 */
package dev.lethe.cli;
