package dev.lethe.bench;

import java.util.List;

/**
 * One database and the contenders timed on it in the same run, each on its own fresh copy.
 *
 * @param name    the name {@code --only} selects
 * @param db      the database the copies are built in
 * @param trials  contenders and the size of the copy each gets, in the order they run
 * @param anchor  the label of the trial every ratio is taken against
 * @param targets what the figures have to show
 */
record Scenario(String name, BenchDatabase db, List<Trial> trials, String anchor, List<Target> targets) {

    Scenario {
        trials = List.copyOf(trials);
        targets = List.copyOf(targets);
    }

    /** A scenario whose first trial is the anchor. */
    Scenario(String name, BenchDatabase db, List<Trial> trials, List<Target> targets) {
        this(name, db, trials, trials.get(0).label(), targets);
    }

    /** The same scenario with fewer trials; ratios stay against the anchor, so they are missing without it. */
    Scenario withTrials(List<Trial> kept) {
        return new Scenario(name, db, kept, anchor, targets);
    }

    /**
     * A contender on a copy of {@code rows} rows.
     *
     * @param label the name of the trial in tables and targets
     */
    record Trial(Contender contender, long rows, String label) {
        Trial(Contender contender, long rows) {
            this(contender, rows, contender.name());
        }
    }
}
