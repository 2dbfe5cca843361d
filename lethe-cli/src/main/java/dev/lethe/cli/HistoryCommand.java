package dev.lethe.cli;

import dev.lethe.config.LetheConfig;
import dev.lethe.core.history.RunHistory;
import dev.lethe.core.history.RunRecord;
import dev.lethe.core.report.ReportJson;
import dev.lethe.core.report.RunEntry;
import dev.lethe.jdbc.state.StateStores;
import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParentCommand;

/** {@code lethe history}: the newest runs recorded in the state store. */
@Command(name = "history", description = {
        "Show the latest runs from the state store.",
        "Newest first. A run whose process died shows as 'interrupted'. --policy also accepts policies that are "
                + "no longer in the config."})
final class HistoryCommand implements Callable<Integer> {

    @ParentCommand
    LetheCommand root;

    @Mixin
    CommonOptions options;

    @Option(names = {"-n", "--limit"}, paramLabel = "N", defaultValue = "20",
            description = "How many runs to show (default: ${DEFAULT-VALUE}).")
    int limit;

    @Override
    public Integer call() {
        if (limit < 1) {
            throw CliException.usage("--limit must be at least 1, was " + limit);
        }
        LetheConfig config = options.load();
        List<RunRecord> records;
        try (RunHistory history = ConfiguredEngine.history(config)) {
            records = read(config, history);
        }
        PrintWriter out = root.out();
        if (options.json) {
            out.println(ReportJson.write(Map.of("runs", records.stream().map(RunEntry::of).toList())));
        } else if (records.isEmpty()) {
            out.println("no runs recorded yet in " + StateStores.redact(ConfiguredEngine.stateUrl(config)));
        } else {
            new HistoryTable(records).print(out);
        }
        out.flush();
        return ExitCode.OK;
    }

    private List<RunRecord> read(LetheConfig config, RunHistory history) {
        if (options.policies.isEmpty()) {
            return history.recent(Optional.empty(), limit);
        }
        List<RunRecord> records = new ArrayList<>();
        for (String name : new LinkedHashSet<>(options.policies)) {
            List<RunRecord> runs = history.recent(Optional.of(name), limit);
            if (runs.isEmpty() && config.policy(name).isEmpty()) {
                throw CommonOptions.unknownPolicy(config, name);
            }
            records.addAll(runs);
        }
        records.sort(Comparator.comparingLong(RunRecord::id).reversed());
        return records.subList(0, Math.min(limit, records.size()));
    }
}
