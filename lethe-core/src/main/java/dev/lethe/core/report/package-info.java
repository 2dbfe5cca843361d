/**
 * Results of runs: {@link dev.lethe.core.report.RunReport} is what the engine returns, what history stores,
 * and what the CLI's {@code --json} and the HTTP API print — one object, rendered by {@link dev.lethe.core.report.ReportJson}.
 */
package dev.lethe.core.report;
