package dev.lethe.cli;

import dev.lethe.core.engine.RunMode;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParentCommand;

/** {@code lethe run}: runs the policies once, now. */
@Command(name = "run", description = {
        "Run the policies once, now.",
        "Schedules are ignored; each run is recorded in the state store. Exits 0 when all are ok, 3 when some "
                + "items or policies failed or were refused and the rest was done, 1 when nothing was done."})
final class RunCommand implements Callable<Integer> {

    @ParentCommand
    LetheCommand root;

    @Mixin
    CommonOptions options;

    @Option(names = "--dry-run", description = "Plan only, like 'lethe plan': change nothing.")
    boolean dryRun;

    @Override
    public Integer call() {
        return PolicyRuns.execute(options, dryRun ? RunMode.DRY_RUN : RunMode.EXECUTE, root);
    }
}
