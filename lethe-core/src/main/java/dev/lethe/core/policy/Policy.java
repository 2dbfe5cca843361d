package dev.lethe.core.policy;

import java.util.Objects;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * One retention rule: which items ({@link Selection}) of which store, what to do with them ({@link Action}),
 * when ({@link Schedule}) and how carefully ({@link Limits}). Immutable once built.
 *
 * <pre>{@code
 * Policy policy = Policy.builder("pending-uploads")
 *     .store("app")
 *     .selection(TableSelection.builder("pending_uploads", "id")
 *         .cutoff("ackRetention", Duration.ofHours(1))
 *         .where("(acked_at < :ackRetention) OR (acked_at IS NULL AND expires_at < :now)")
 *         .outcome("acked", "acked_at IS NOT NULL")
 *         .outcome("expired", "acked_at IS NULL")
 *         .build())
 *     .action(Action.delete())
 *     .limits(Limits.defaults().withBatchSize(5000).withMaxFraction(1.0))
 *     .build();
 * }</pre>
 *
 * @param name      unique name, {@code [A-Za-z0-9][A-Za-z0-9_.-]*}
 * @param store     name of the store the selection applies to
 * @param selection which items the policy matches
 * @param action    what happens to matched items
 * @param limits    batch size and the guards that refuse a run before any change
 * @param schedule  when a daemon runs the policy; empty means on demand only
 */
public record Policy(String name, String store, Selection selection, Action action, Limits limits,
                     Optional<Schedule> schedule) {

    private static final Pattern NAME = Pattern.compile("[A-Za-z0-9][A-Za-z0-9_.-]*");

    public Policy {
        Objects.requireNonNull(name, "policy name");
        if (!NAME.matcher(name).matches()) {
            throw new IllegalArgumentException("policy name '" + name + "' must match " + NAME.pattern());
        }
        requireText(store, "policy '" + name + "': store must be set");
        Objects.requireNonNull(selection, () -> "policy '" + name + "': selection must be set");
        Objects.requireNonNull(action, () -> "policy '" + name + "': action must be set");
        Objects.requireNonNull(limits, () -> "policy '" + name + "': limits must be set");
        Objects.requireNonNull(schedule, () -> "policy '" + name + "': schedule must not be null (use Optional.empty())");
    }

    /** Starts a policy with the given name; {@code action} defaults to delete and {@code limits} to {@link Limits#defaults()}. */
    public static Builder builder(String name) {
        return new Builder(name);
    }

    private static void requireText(String value, String message) {
        if (value == null || value.isBlank()) {
            throw new IllegalArgumentException(message);
        }
    }

    /** Fluent builder for {@link Policy}; {@link #build()} runs the same checks as the canonical constructor. */
    public static final class Builder {
        private final String name;
        private String store;
        private Selection selection;
        private Action action = Action.delete();
        private Limits limits = Limits.defaults();
        private Schedule schedule;

        private Builder(String name) {
            this.name = name;
        }

        public Builder store(String store) {
            this.store = store;
            return this;
        }

        public Builder selection(Selection selection) {
            this.selection = selection;
            return this;
        }

        public Builder action(Action action) {
            this.action = action;
            return this;
        }

        public Builder limits(Limits limits) {
            this.limits = limits;
            return this;
        }

        public Builder schedule(Schedule schedule) {
            this.schedule = schedule;
            return this;
        }

        public Policy build() {
            return new Policy(name, store, selection, action, limits, Optional.ofNullable(schedule));
        }
    }
}
