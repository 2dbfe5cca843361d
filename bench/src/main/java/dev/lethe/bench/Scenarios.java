package dev.lethe.bench;

import java.util.ArrayList;
import java.util.List;

/**
 * The benchmark's scenarios and their targets, as DESIGN.md ("Benchmarks") sets them. Kept in one place so a
 * reader sees every contender and every promise at a glance.
 */
final class Scenarios {

    static final double POSTGRES_FACTOR = 1.3;
    static final double MARIADB_FACTOR = 1.5;
    static final double SQLITE_FACTOR = 1.3;
    static final double MEMORY_FACTOR = 1.25;
    static final String SMALL_HEAP = "-Xmx64m";
    static final String MEMORY = "memory";
    static final String IMPACT = "impact";

    private Scenarios() {
    }

    /** The scenarios {@code options} selects, in the order postgres, mariadb, sqlite, memory, impact. */
    static List<Scenario> selected(BenchOptions options) {
        List<Scenario> scenarios = new ArrayList<>();
        for (String name : BenchOptions.SCENARIOS) {
            if (options.only().contains(name)) {
                Scenario s = build(name, options);
                List<Scenario.Trial> kept = s.trials().stream().filter(t -> options.keeps(t.label())).toList();
                if (!kept.isEmpty()) {
                    scenarios.add(s.withTrials(kept));
                }
            }
        }
        return scenarios;
    }

    private static Scenario build(String name, BenchOptions o) {
        long rows = o.rows();
        LetheCli lethe = new LetheCli(o.letheJar(), List.of(), o.workDir());
        RawDelete raw = new RawDelete();
        JdbcKeyset bare = new JdbcKeyset();
        return switch (name) {
            case "postgres" -> new Scenario(name, new PostgresDatabase(),
                    List.of(new Scenario.Trial(raw, rows), new Scenario.Trial(lethe, rows), new Scenario.Trial(bare, rows),
                            new Scenario.Trial(new PlpgsqlKeyset(), rows), new Scenario.Trial(new PluckAndDelete(), rows)),
                    List.of(new Target.AtMost(lethe.name(), raw.name(), POSTGRES_FACTOR)));
            case "mariadb" -> {
                PtArchiver pt = new PtArchiver(o.workDir());
                yield new Scenario(name, new MariaDbDatabase(),
                        List.of(new Scenario.Trial(raw, rows), new Scenario.Trial(lethe, rows), new Scenario.Trial(bare, rows),
                                new Scenario.Trial(pt, rows)),
                        List.of(new Target.AtMost(lethe.name(), raw.name(), MARIADB_FACTOR),
                                new Target.FasterThan(lethe.name(), pt.name())));
            }
            case "sqlite" -> new Scenario(name, new SqliteDatabase(o.workDir()),
                    List.of(new Scenario.Trial(raw, rows), new Scenario.Trial(lethe, rows), new Scenario.Trial(bare, rows)),
                    List.of(new Target.AtMost(lethe.name(), raw.name(), SQLITE_FACTOR)));
            case MEMORY -> memory(o);
            case IMPACT -> impact(o);
            default -> throw new IllegalArgumentException("no scenario " + name);
        };
    }

    /** Lethe under a 64 MiB heap on PostgreSQL, at a small and at the full size: memory must not follow rows. */
    private static Scenario memory(BenchOptions o) {
        LetheCli lethe = new LetheCli(o.letheJar(), List.of(SMALL_HEAP), o.workDir());
        Scenario.Trial small = new Scenario.Trial(lethe, o.memorySmallRows(), lethe.name() + " on " + o.memorySmallRows() + " rows");
        Scenario.Trial large = new Scenario.Trial(lethe, o.rows(), lethe.name() + " on " + o.rows() + " rows");
        return new Scenario(MEMORY, new PostgresDatabase(), List.of(small, large),
                List.of(new Target.FlatMemory(small.label(), large.label(), MEMORY_FACTOR)));
    }

    /**
     * A concurrent pgbench workload on PostgreSQL, alone and while each sweep runs on its own fresh copy: the raw
     * DELETE, Lethe as the Postgres scenario runs it, and the PL/pgSQL keyset (batching with no client). DESIGN.md
     * sets no target for it: the figures are recorded, and the ratios are against the workload alone.
     */
    private static Scenario impact(BenchOptions o) {
        Pgbench pgbench = new Pgbench(o.workDir());
        List<Contender> sweeps = List.of(new RawDelete(), new LetheCli(o.letheJar(), List.of(), o.workDir()),
                new PlpgsqlKeyset());
        List<Scenario.Trial> trials = new ArrayList<>();
        trials.add(new Scenario.Trial(UnderWorkload.alone(pgbench), o.rows()));
        sweeps.forEach(s -> trials.add(new Scenario.Trial(UnderWorkload.during(pgbench, s), o.rows())));
        return new Scenario(IMPACT, new PostgresDatabase(), trials, List.of());
    }
}
