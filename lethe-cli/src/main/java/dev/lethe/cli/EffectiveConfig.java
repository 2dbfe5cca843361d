package dev.lethe.cli;

import com.fasterxml.jackson.annotation.JsonInclude;
import dev.lethe.config.LetheConfig;
import dev.lethe.core.policy.Action;
import dev.lethe.core.policy.Limits;
import dev.lethe.core.policy.Policy;
import dev.lethe.core.policy.Schedule;
import dev.lethe.core.policy.TableSelection;
import dev.lethe.core.policy.UpdateValue;
import dev.lethe.core.store.StoreSpec;
import dev.lethe.jdbc.state.StateStores;
import java.io.PrintWriter;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * The config as Lethe understood it, with every secret masked ({@code validate --show}, {@code validate --json}):
 * after defaults, {@code ${env:…}} references and path resolution, so what is printed is what would run.
 */
@JsonInclude(JsonInclude.Include.NON_EMPTY)
record EffectiveConfig(String file, boolean valid, String state, Map<String, Store> stores, List<PolicyView> policies) {

    /** A store: its type and its settings, secrets masked. */
    record Store(String type, Map<String, String> settings) {
    }

    /** A policy in the words of the config. */
    @JsonInclude(JsonInclude.Include.NON_EMPTY)
    record PolicyView(String name, String store, String selection, String where, List<String> olderThan,
                      List<String> cutoffs, List<String> outcomes, String action, String limits, String schedule) {
    }

    static EffectiveConfig of(LetheConfig config) {
        Map<String, Store> stores = new LinkedHashMap<>();
        for (StoreSpec spec : config.stores().values()) {
            stores.put(spec.name(), new Store(spec.type(), spec.maskedSettings()));
        }
        List<PolicyView> policies = new ArrayList<>();
        config.policies().forEach(p -> policies.add(view(p)));
        return new EffectiveConfig(config.file().toString(), true, StateStores.redact(ConfiguredEngine.stateUrl(config)), stores, policies);
    }

    private static PolicyView view(Policy policy) {
        String where = null;
        List<String> olderThan = List.of();
        List<String> cutoffs = List.of();
        List<String> outcomes = List.of();
        if (policy.selection() instanceof TableSelection table) {
            where = table.where().orElse(null);
            olderThan = table.olderThan().stream()
                    .map(f -> f.column() + " < now - " + age(f.age()) + " (" + f.unit().name().toLowerCase(Locale.ROOT) + ")")
                    .toList();
            cutoffs = table.cutoffs().stream().map(c -> ":" + c.name() + " = now - " + age(c.age())).toList();
            outcomes = table.outcomes().stream().map(o -> o.label() + ": " + o.predicate()).toList();
        }
        return new PolicyView(policy.name(), policy.store(), policy.selection().describe(), where, olderThan, cutoffs,
                outcomes, describe(policy.action()), describe(policy.limits()),
                policy.schedule().map(EffectiveConfig::describe).orElse(null));
    }

    private static String describe(Action action) {
        if (action instanceof Action.Update update) {
            return "update " + update.assignments().entrySet().stream()
                    .map(e -> e.getKey() + " = " + describe(e.getValue()))
                    .collect(Collectors.joining(", "));
        }
        return action instanceof Action.MoveTo move ? "moveTo " + move.table() : "delete";
    }

    private static String describe(UpdateValue value) {
        if (value instanceof UpdateValue.Parameter parameter) {
            return ":" + parameter.name();
        }
        Object literal = ((UpdateValue.Literal) value).value();
        return literal instanceof String text ? "'" + text + "'" : String.valueOf(literal);
    }

    private static String describe(Schedule schedule) {
        String startup = schedule.atStartup() ? ", at startup" : "";
        if (schedule instanceof Schedule.Cron cron) {
            return "cron '" + cron.expression() + "' in " + cron.zone() + startup;
        }
        Schedule.Every every = (Schedule.Every) schedule;
        return "every " + age(every.interval())
                + (every.jitter().isZero() ? "" : " (jitter " + age(every.jitter()) + ")") + startup;
    }

    /** {@code 1h}, {@code 30m}, {@code 168h}: a duration as close to the config's own notation as Duration allows. */
    private static String age(Duration duration) {
        return duration.toString().substring(2).toLowerCase(Locale.ROOT);
    }

    private static String describe(Limits limits) {
        return "batchSize " + limits.batchSize()
                + limits.maxItems().stream().mapToObj(n -> ", maxItems " + n).findFirst().orElse("")
                + ", maxFraction " + limits.maxFraction()
                + limits.timeout().map(t -> ", timeout " + age(t)).orElse("");
    }

    void print(PrintWriter out) {
        out.println("# " + file + " (effective, secrets masked)");
        out.println("state: " + state);
        out.println("stores:");
        stores.forEach((name, store) -> out.println("  " + name + ": " + store.type() + " " + store.settings()));
        out.println("policies:");
        for (PolicyView p : policies) {
            out.println("  " + p.name() + ":");
            field(out, "store", p.store());
            field(out, "selection", p.selection());
            field(out, "where", p.where());
            p.cutoffs().forEach(c -> field(out, "cutoff", c));
            p.olderThan().forEach(o -> field(out, "olderThan", o));
            p.outcomes().forEach(o -> field(out, "outcome", o));
            field(out, "action", p.action());
            field(out, "limits", p.limits());
            field(out, "schedule", p.schedule());
        }
    }

    private static void field(PrintWriter out, String key, String value) {
        if (value != null) {
            out.println("    " + key + ": " + value);
        }
    }
}
