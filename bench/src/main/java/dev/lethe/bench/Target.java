package dev.lethe.bench;

import java.util.Map;

/** What a scenario's figures have to show, judged from the trials' summaries. */
sealed interface Target {

    Verdict judge(Map<String, TrialSummary> trials);

    /**
     * The judgement of one target.
     *
     * @param target what was asked
     * @param met    whether it was met; null when a trial it needs did not run correctly
     * @param detail the figures it was judged on
     */
    record Verdict(String target, Boolean met, String detail) {
    }

    private static Verdict missing(String target, String... labels) {
        return new Verdict(target, null, "not judged: " + String.join(" / ", labels) + " did not run correctly");
    }

    private static String mark(boolean ok) {
        return ok ? "met" : "MISSED";
    }

    /**
     * {@code contender} within {@code factor} × {@code anchor}'s wall time. Judged on the contender's engine time
     * when it reports one (the JVM's start is not the sweep's cost); its whole-process ratio is shown beside it.
     */
    record AtMost(String contender, String anchor, double factor) implements Target {
        @Override
        public Verdict judge(Map<String, TrialSummary> trials) {
            String target = contender + " <= " + factor + "x " + anchor;
            TrialSummary c = trials.get(contender);
            TrialSummary a = trials.get(anchor);
            if (c == null || a == null || !c.ran() || !a.ran()) {
                return missing(target, contender, anchor);
            }
            double wall = c.wallMs() / a.wallMs();
            if (c.engineMs() == null) {
                return new Verdict(target, wall <= factor, String.format("%.2fx (%s)", wall, mark(wall <= factor)));
            }
            double engine = c.engineMs() / a.wallMs();
            return new Verdict(target, engine <= factor, String.format("engine %.2fx (%s); whole process %.2fx (%s)",
                    engine, mark(engine <= factor), wall, mark(wall <= factor)));
        }
    }

    /** {@code contender} faster than {@code other}, both timed as whole processes. */
    record FasterThan(String contender, String other) implements Target {
        @Override
        public Verdict judge(Map<String, TrialSummary> trials) {
            String target = contender + " faster than " + other;
            TrialSummary c = trials.get(contender);
            TrialSummary o = trials.get(other);
            if (c == null || o == null || !c.ran() || !o.ran()) {
                return missing(target, contender, other);
            }
            double ratio = c.wallMs() / o.wallMs();
            return new Verdict(target, ratio < 1.0, String.format("whole process %.2fx %s (%s)", ratio, other,
                    mark(ratio < 1.0)));
        }
    }

    /**
     * Both sizes succeed, and peak memory at {@code large} is within {@code factor} × the peak at {@code small}:
     * resident set of the process, and the heap still live after a collection (plus {@value #GC_LOG_GRAIN_KIB}
     * KiB, the resolution of the gc log, which prints whole megabytes).
     */
    record FlatMemory(String small, String large, double factor) implements Target {
        static final long GC_LOG_GRAIN_KIB = 2048;

        @Override
        public Verdict judge(Map<String, TrialSummary> trials) {
            String target = "peak memory of " + large + " <= " + factor + "x " + small;
            TrialSummary s = trials.get(small);
            TrialSummary l = trials.get(large);
            if (s == null || l == null || !s.ran() || !l.ran() || s.maxRssKiB() == null || l.maxRssKiB() == null) {
                return missing(target, small, large);
            }
            double rss = (double) l.maxRssKiB() / s.maxRssKiB();
            boolean met = rss <= factor;
            String detail = String.format("max RSS %.2fx (%d -> %d KiB)", rss, s.maxRssKiB(), l.maxRssKiB());
            if (s.gc() != null && l.gc() != null && s.gc().peakAfterGcKiB() > 0) {
                double live = (double) l.gc().peakAfterGcKiB() / s.gc().peakAfterGcKiB();
                met &= l.gc().peakAfterGcKiB() <= s.gc().peakAfterGcKiB() * factor + GC_LOG_GRAIN_KIB;
                detail += String.format("; live heap after GC %.2fx (%d -> %d KiB)", live, s.gc().peakAfterGcKiB(),
                        l.gc().peakAfterGcKiB());
            }
            return new Verdict(target, met, detail + " (" + mark(met) + ")");
        }
    }
}
