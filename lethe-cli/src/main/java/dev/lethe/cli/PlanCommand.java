package dev.lethe.cli;

import dev.lethe.core.engine.RunMode;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.ParentCommand;

/** {@code lethe plan}: what a run would do, changing nothing. */
@Command(name = "plan", description = {
        "Show what a run would do, changing nothing.",
        "Per policy: the matched count, the fraction of the store, a sample of keys, the estimated size and the "
                + "statements a run would execute. Exits 1 when every policy would fail or be refused by a guard, "
                + "3 when some would."})
final class PlanCommand implements Callable<Integer> {

    @ParentCommand
    LetheCommand root;

    @Mixin
    CommonOptions options;

    @Override
    public Integer call() {
        return PolicyRuns.execute(options, RunMode.DRY_RUN, root);
    }
}
