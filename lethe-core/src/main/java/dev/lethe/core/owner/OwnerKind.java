package dev.lethe.core.owner;

import dev.lethe.core.policy.Policy;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;

/**
 * A kind of owner and every place its items live, e.g. {@code session}: keys in Redis, rows in PostgreSQL, a
 * directory of files.
 *
 * <pre>{@code
 * OwnerKind session = new OwnerKind("session", List.of(
 *     OwnerMember.delete("cache", KeySelection.matching("mosaic:session:{id}:*")),
 *     OwnerMember.delete("app", TableSelection.builder("messages", "id").where("session_id = :id").build())));
 * CollectReport report = engine.collect(session, "42");
 * }</pre>
 *
 * @param name    the kind's name, as in {@code lethe collect <name> <id>}
 * @param members where the items live, in the order they are collected
 */
public record OwnerKind(String name, List<OwnerMember> members) {

    private static final Pattern NAME = Pattern.compile("[A-Za-z0-9][A-Za-z0-9_-]*");

    public OwnerKind {
        if (name == null || !NAME.matcher(name).matches()) {
            throw new IllegalArgumentException("owner kind '" + name + "' must match " + NAME.pattern());
        }
        members = List.copyOf(members);
        if (members.isEmpty()) {
            throw new IllegalArgumentException("owner kind '" + name + "' lists no stores");
        }
    }

    /** One policy per member, selecting {@code ownerId}'s items; named {@code <kind>.1}, {@code <kind>.2}, … */
    public List<Policy> policiesFor(String ownerId) {
        List<Policy> policies = new ArrayList<>(members.size());
        for (int i = 0; i < members.size(); i++) {
            policies.add(members.get(i).policyFor(name, i + 1, ownerId));
        }
        return policies;
    }
}
