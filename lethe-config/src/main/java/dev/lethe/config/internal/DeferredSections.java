package dev.lethe.config.internal;

import dev.lethe.config.Sizes;
import java.util.List;

/**
 * {@code budget:} and {@code maintenance:} are part of the config contract but not of this version's engine.
 * Their shape is checked anyway (keys, sizes, durations), so a config written today fails for the one reason
 * that it is early, not for a typo found only after the feature ships.
 */
final class DeferredSections {

    private static final List<String> BUDGET =
            List.of("size", "order", "softCap", "hardCap", "maxAge", "evictable", "overflow");
    private static final List<String> OVERFLOW = List.of("evict", "alert");
    private static final List<String> MAINTENANCE = List.of("checkpoint", "whenWalAbove", "optimize");
    private static final List<String> CHECKPOINT = List.of("passive", "full", "restart", "truncate");

    private DeferredSections() {
    }

    /** Fails if the policy has a deferred section: on its shape if that is wrong, else because it is deferred. */
    static void reject(Section policy) {
        policy.section("budget").ifPresent(budget -> {
            budget.expectKeys(BUDGET);
            // Read for their type checks only; nothing is built from a deferred section.
            budget.text("size");
            budget.text("order");
            budget.text("evictable");
            long soft = budget.size("softCap").orElse(0L);
            budget.size("hardCap").filter(hard -> hard < soft).ifPresent(hard -> {
                throw budget.error(budget.entry("hardCap").orElseThrow().value(), "budget.hardCap ("
                        + Sizes.format(hard) + ") must not be smaller than budget.softCap (" + Sizes.format(soft) + ")");
            });
            budget.section("maxAge").ifPresent(maxAge -> maxAge.entries().forEach(age ->
                    maxAge.duration(maxAge.path(age.key()), maxAge.text(maxAge.path(age.key()), age.keyNode(), age.value()))));
            oneOf(budget, "overflow", OVERFLOW);
            throw policy.error(budget.at(), "budget policies are not supported by this version yet");
        });
        policy.section("maintenance").ifPresent(maintenance -> {
            maintenance.expectKeys(MAINTENANCE);
            oneOf(maintenance, "checkpoint", CHECKPOINT);
            maintenance.size("whenWalAbove");
            maintenance.flag("optimize");
            throw policy.error(maintenance.at(), "maintenance policies are not supported by this version yet");
        });
    }

    private static void oneOf(Section section, String key, List<String> allowed) {
        section.text(key).filter(text -> !allowed.contains(text.value())).ifPresent(text -> {
            throw section.error(text.node(), section.path(key) + " must be one of " + String.join(", ", allowed)
                    + ", was '" + text.shown() + "'");
        });
    }

}
