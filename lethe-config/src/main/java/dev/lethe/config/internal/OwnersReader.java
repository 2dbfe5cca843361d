package dev.lethe.config.internal;

import dev.lethe.core.owner.OwnerKind;
import dev.lethe.core.owner.OwnerMember;
import dev.lethe.core.policy.Action;
import dev.lethe.core.policy.KeySelection;
import dev.lethe.core.policy.Limits;
import dev.lethe.core.policy.Selection;
import dev.lethe.core.policy.TableSelection;
import dev.lethe.core.store.StoreSpec;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;
import org.snakeyaml.engine.v2.nodes.Node;

/**
 * Reads {@code owners:} ({@code lethe collect <kind> <id>}): each kind lists its members, one mapping per
 * store holding the owner's items, written like a policy's selection with the owner's id as a placeholder —
 * {@code keys: "mosaic:session:{id}:*"} on a redis store, {@code where: "session_id = :id"} on a SQL store.
 * A member that does not name the owner is an error: collecting with it would remove every owner's items.
 */
final class OwnersReader {

    private static final Pattern KIND = Pattern.compile("[A-Za-z0-9][A-Za-z0-9_-]*");
    private static final Pattern SQL_ID = Pattern.compile(":id(?![A-Za-z0-9_])");
    private static final List<String> KEYS = List.of("store", "action", "limits", "table", "key", "where", "cutoffs",
            "olderThan", "outcomes", "keys", "exclude", "type", "idleLongerThan", "withoutTtl", "files");
    private static final List<String> POLICY_ONLY = List.of("schedule", "owner", "live", "minLive", "then", "budget",
            "maintenance");

    private OwnersReader() {
    }

    static List<OwnerKind> read(Section owners, Map<String, StoreSpec> stores) {
        List<OwnerKind> kinds = new ArrayList<>();
        for (Section.Entry entry : owners.entries()) {
            if (!KIND.matcher(entry.key()).matches()) {
                throw owners.error(entry.keyNode(), "owner kind '" + entry.key() + "' must match " + KIND.pattern());
            }
            List<Node> members = owners.list(entry.key(), "{ store, … } mappings, one per store").orElseThrow();
            if (members.isEmpty()) {
                throw owners.error(entry.keyNode(), "owner '" + entry.key() + "' lists no stores");
            }
            List<OwnerMember> read = new ArrayList<>();
            for (int i = 0; i < members.size(); i++) {
                Scope scope = owners.scope().named("owner '" + entry.key() + "' member " + (i + 1));
                read.add(member(Section.of(scope, "", members.get(i), members.get(i)), stores));
            }
            kinds.add(new OwnerKind(entry.key(), read));
        }
        return kinds;
    }

    private static OwnerMember member(Section member, Map<String, StoreSpec> stores) {
        for (Section.Entry entry : member.entries()) {
            if (POLICY_ONLY.contains(entry.key())) {
                throw member.error(entry.keyNode(), "'" + entry.key() + "' is for policies; an owner member runs when"
                        + " its owner is collected and selects that owner's items by {id} or :id");
            }
        }
        member.expectKeys(KEYS);
        StoreSpec store = StoreReference.resolve(member, "store", member.requireText("store"), stores);
        StoreKind kind = StoreType.of(store.type()).orElseThrow().kind();
        PolicyKeys.expectFor(member, kind, store);
        Limits limits = member.section("limits").map(LimitsReader::read).orElse(Limits.defaults());
        if (!member.section("limits").map(l -> l.has("maxFraction")).orElse(false)) {
            // The owner's id bounds what a member matches; a fraction guard would refuse a store holding one owner.
            limits = limits.withMaxFraction(1.0);
        }
        Selection selection;
        Action action;
        switch (kind) {
            case REDIS -> {
                Text keys = member.requireText("keys");
                if (!keys.value().contains(KeySelection.OWNER_PLACEHOLDER)) {
                    throw member.error(keys.node(), "keys must contain {id}, the owner's id, e.g. mosaic:session:{id}:*");
                }
                selection = KeySelectionReader.read(member, stores);
                action = KeySelectionReader.action(member, store);
            }
            case SQL -> {
                TableSelection table = TableSelectionReader.read(member, store, stores);
                if (table.where().isEmpty() || !SQL_ID.matcher(table.where().get()).find()) {
                    throw member.error(member.entry("where").map(Section.Entry::value).orElse(member.at()),
                            "where must use :id, the owner's id, e.g. where: \"session_id = :id\"");
                }
                selection = table;
                Set<String> parameters = new LinkedHashSet<>(PolicyReader.parameters(table));
                parameters.add("id");
                action = ActionReader.read(member, parameters);
            }
            default -> throw member.error(member.at(), kind.label() + " members are not supported by this version yet");
        }
        try {
            return new OwnerMember(store.name(), selection, action, limits);
        } catch (IllegalArgumentException e) {
            throw member.error(member.at(), e.getMessage());
        }
    }
}
