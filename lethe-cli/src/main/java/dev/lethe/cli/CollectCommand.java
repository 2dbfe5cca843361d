package dev.lethe.cli;

import dev.lethe.config.ClosestName;
import dev.lethe.config.LetheConfig;
import dev.lethe.core.engine.Engine;
import dev.lethe.core.engine.RunListener;
import dev.lethe.core.engine.RunMode;
import dev.lethe.core.owner.CollectReport;
import dev.lethe.core.owner.OwnerKind;
import dev.lethe.core.policy.Policy;
import dev.lethe.core.report.ReportJson;
import dev.lethe.core.report.RunReport;
import java.io.PrintWriter;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParentCommand;

/** {@code lethe collect <kind> <id>}: removes one owner's items from every store its kind lists. */
@Command(name = "collect", description = {
        "Remove one owner's items from every store its kind lists under 'owners:' in the config.",
        "Each member runs as its own run (guards, history); one failing does not stop the others. Exits 0 when "
                + "every member is ok, 3 when some were and some were not, 1 when none was."})
final class CollectCommand implements Callable<Integer> {

    @ParentCommand
    LetheCommand root;

    @Mixin
    ConfigOptions options;

    @Parameters(index = "0", paramLabel = "KIND", description = "The owner kind, e.g. session.")
    String kind;

    @Parameters(index = "1", paramLabel = "ID", description = "The owner's id, e.g. 42.")
    String id;

    @Option(names = "--dry-run", description = "Plan each member only: change nothing.")
    boolean dryRun;

    @Override
    public Integer call() {
        LetheConfig config = options.load();
        OwnerKind owner = config.owner(kind).orElseThrow(() -> unknownKind(config));
        List<Policy> members = policies(owner);
        CollectReport report;
        try (Engine engine = ConfiguredEngine.open(config, RunListener.NONE)) {
            report = engine.collect(owner, id, dryRun ? RunMode.DRY_RUN : RunMode.EXECUTE);
        }
        PrintWriter out = root.out();
        if (options.json) {
            out.println(ReportJson.write(report));
        } else {
            print(out, report, members);
        }
        out.flush();
        return ExitCode.of(report.members());
    }

    private List<Policy> policies(OwnerKind owner) {
        try {
            return owner.policiesFor(id);
        } catch (IllegalArgumentException e) {
            throw CliException.usage("collect " + kind + ": " + e.getMessage());
        }
    }

    private static void print(PrintWriter out, CollectReport report, List<Policy> members) {
        ReportText text = new ReportText(out);
        for (int i = 0; i < report.members().size(); i++) {
            text.print(report.members().get(i), members.get(i));
            out.println();
        }
        long removed = report.members().stream().mapToLong(RunReport::processed).sum();
        out.println(report.kind() + " " + report.id() + ": " + report.status().label() + ", " + report.members().size()
                + " stores, " + Units.count(removed) + " items " + (report.members().stream().anyMatch(RunReport::dryRun)
                ? "planned" : "removed or changed"));
    }

    private CliException unknownKind(LetheConfig config) {
        List<String> known = config.owners().stream().map(OwnerKind::name).toList();
        String hint = ClosestName.among(kind, known).map(k -> "; did you mean '" + k + "'?").orElse("");
        String list = known.isEmpty() ? "it defines none under 'owners:'" : "known: " + String.join(", ", known);
        return CliException.usage(config.file() + ": no owner kind named '" + kind + "'" + hint + " (" + list + ")");
    }
}
