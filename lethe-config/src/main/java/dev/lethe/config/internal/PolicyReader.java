package dev.lethe.config.internal;

import dev.lethe.core.policy.Action;
import dev.lethe.core.policy.Limits;
import dev.lethe.core.policy.Policy;
import dev.lethe.core.policy.Schedule;
import dev.lethe.core.policy.Selection;
import dev.lethe.core.policy.TableSelection;
import dev.lethe.core.store.StoreSpec;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Reads {@code policies:}. Checks run from the outside in: keys known at all, the store defined, keys that
 * fit the store's kind, a kind this version runs; only then the selection, action, limits and schedule.
 */
final class PolicyReader {

    private PolicyReader() {
    }

    static List<Policy> read(Section policies, Map<String, StoreSpec> stores) {
        List<Policy> result = new ArrayList<>();
        for (Section.Entry entry : policies.entries()) {
            result.add(read(policies.scope(), entry, stores));
        }
        return result;
    }

    private static Policy read(Scope top, Section.Entry entry, Map<String, StoreSpec> stores) {
        String name = entry.key();
        if (!StoreReader.NAME.matcher(name).matches()) {
            throw top.error(entry.keyNode(), "policy name '" + name + "' must match " + StoreReader.NAME.pattern());
        }
        Section policy = Section.of(top.named("policy '" + name + "'"), "", entry.keyNode(), entry.value());
        policy.expectKeys(PolicyKeys.all());
        StoreSpec store = StoreReference.resolve(policy, "store", policy.requireText("store"), stores);
        StoreKind kind = StoreType.of(store.type()).orElseThrow().kind();
        PolicyKeys.expectFor(policy, kind, store);
        if (!kind.supportsPolicies()) {
            throw policy.error(entry.keyNode(), kind.label() + " policies are not supported by this version yet");
        }
        DeferredSections.reject(policy);
        try {
            Selection selection;
            Action action;
            if (kind == StoreKind.REDIS) {
                selection = KeySelectionReader.read(policy, stores);
                action = KeySelectionReader.action(policy, store);
            } else {
                TableSelection table = TableSelectionReader.read(policy, store, stores);
                selection = table;
                action = ActionReader.read(policy, parameters(table));
            }
            Limits limits = policy.section("limits").map(LimitsReader::read).orElse(Limits.defaults());
            Optional<Schedule> schedule = policy.section("schedule").map(ScheduleReader::read);
            return new Policy(name, store.name(), selection, action, limits, schedule);
        } catch (IllegalArgumentException e) {
            // The core model's own checks, as a backstop: everything they test should have been caught above.
            String reason = e.getMessage() == null ? e.toString() : e.getMessage();
            String prefix = "policy '" + name + "': ";
            throw top.error(entry.keyNode(), reason.startsWith(prefix) ? reason : prefix + reason);
        }
    }

    /** Names an update may reference as {@code :name}: the run's reference time and the policy's cutoffs. */
    static Set<String> parameters(TableSelection selection) {
        Set<String> names = new LinkedHashSet<>();
        names.add("now");
        selection.cutoffs().forEach(cutoff -> names.add(cutoff.name()));
        return names;
    }
}
