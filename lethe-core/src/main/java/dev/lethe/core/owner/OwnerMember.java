package dev.lethe.core.owner;

import dev.lethe.core.policy.Action;
import dev.lethe.core.policy.Limits;
import dev.lethe.core.policy.Policy;
import dev.lethe.core.policy.Selection;
import java.util.Objects;

/**
 * One place where an owner's items live: a store, a selection template that names the owner ({@code {id}} in
 * a key pattern or a file glob, {@code :id} in SQL), and what to do with the items.
 *
 * @param store     the store's name
 * @param selection the template; {@link Selection#forOwner(String)} must accept it
 * @param action    delete, or e.g. demote in place
 * @param limits    batch size and guards of each collection; by default any fraction of the store may go,
 *                  since the owner's id already bounds what matches
 */
public record OwnerMember(String store, Selection selection, Action action, Limits limits) {

    public OwnerMember {
        if (store == null || store.isBlank()) {
            throw new IllegalArgumentException("an owner member needs a store");
        }
        Objects.requireNonNull(selection, "selection");
        Objects.requireNonNull(action, "action");
        Objects.requireNonNull(limits, "limits");
        // Fails now, at load time, for a template that does not name the owner.
        selection.forOwner("probe");
    }

    /** A member that deletes what {@code selection} matches, in default batches, with no fraction guard. */
    public static OwnerMember delete(String store, Selection selection) {
        return new OwnerMember(store, selection, Action.delete(), Limits.defaults().withMaxFraction(1.0));
    }

    /** The policy that collects {@code ownerId}'s items here; named {@code <kind>.<position>}. */
    Policy policyFor(String kind, int position, String ownerId) {
        return Policy.builder(kind + "." + position).store(store).selection(selection.forOwner(ownerId))
                .action(action).limits(limits).build();
    }
}
