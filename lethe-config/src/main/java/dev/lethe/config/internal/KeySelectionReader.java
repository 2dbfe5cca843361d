package dev.lethe.config.internal;

import dev.lethe.config.ClosestName;
import dev.lethe.core.policy.Action;
import dev.lethe.core.policy.KeySelection;
import dev.lethe.core.store.StoreSpec;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.snakeyaml.engine.v2.nodes.Node;
import org.snakeyaml.engine.v2.nodes.ScalarNode;

/**
 * Reads the selection of a policy on a redis store: {@code keys} (a {@code MATCH} glob), {@code exclude},
 * {@code type}, {@code idleLongerThan}, {@code withoutTtl}, {@code outcomes} (label → key glob), and for orphan sweeps {@code owner}, {@code live},
 * {@code minLive} ({@link OrphansReader}).
 */
final class KeySelectionReader {

    private static final List<String> TYPES = List.of("string", "hash", "list", "set", "zset", "stream");

    private KeySelectionReader() {
    }

    static KeySelection read(Section policy, Map<String, StoreSpec> stores) {
        KeySelection selection = KeySelection.matching(keys(policy));
        List<String> exclude = exclude(policy);
        if (!exclude.isEmpty()) {
            selection = selection.excluding(exclude);
        }
        if (policy.has("type")) {
            selection = selection.ofType(type(policy, policy.requireText("type")));
        }
        if (policy.has("idleLongerThan")) {
            selection = selection.idleLongerThan(policy.duration("idleLongerThan").orElseThrow());
        }
        if (policy.flag("withoutTtl").orElse(false)) {
            selection = selection.withoutTtlOnly();
        }
        for (Section.Entry outcome : policy.section("outcomes").map(Section::entries).orElse(List.of())) {
            String path = "outcomes." + outcome.key();
            Text glob = policy.text(path, outcome.keyNode(), outcome.value());
            if (glob.isBlank()) {
                throw policy.error(Section.blame(outcome.keyNode(), outcome.value()), path + " must be a key glob,"
                        + " e.g. outcomes: { acked: \"upload:acked:*\" }");
            }
            selection = selection.withOutcome(outcome.key(), glob.value());
        }
        if (OrphansReader.present(policy)) {
            selection = selection.orphansOf(OrphansReader.read(policy, stores));
        }
        return selection;
    }

    /** The action of a redis policy or owner member: delete, the default and the only one a key store has. */
    static Action action(Section section, StoreSpec store) {
        section.entry("action").ifPresent(action -> {
            if (!(action.value() instanceof ScalarNode scalar) || !scalar.getValue().equals("delete")) {
                throw section.error(Section.blame(action.keyNode(), action.value()), "store '" + store.name()
                        + "' is redis, which can only delete keys; write action: delete or leave action out");
            }
        });
        return Action.delete();
    }

    private static String keys(Section policy) {
        Text keys = policy.requireText("keys");
        if (keys.isBlank()) {
            throw policy.error(Section.blame(policy.entry("keys").orElseThrow().keyNode(), keys.node()),
                    "keys must not be empty; to match every key write keys: \"*\" explicitly");
        }
        return keys.value();
    }

    private static List<String> exclude(Section policy) {
        List<String> globs = new ArrayList<>();
        policy.list("exclude", "key globs").ifPresent(nodes -> {
            Node key = policy.entry("exclude").orElseThrow().keyNode();
            for (Node node : nodes) {
                Text glob = policy.text("exclude", key, node);
                if (glob.isBlank()) {
                    throw policy.error(node, "exclude entries must not be empty");
                }
                globs.add(glob.value());
            }
        });
        return globs;
    }

    private static String type(Section policy, Text type) {
        if (!TYPES.contains(type.value())) {
            String hint = ClosestName.among(type.value(), TYPES).map(t -> "did you mean '" + t + "'? ").orElse("");
            throw policy.error(type.node(), "type '" + type.shown() + "' is not a Redis key type; " + hint + "use "
                    + String.join(", ", TYPES));
        }
        return type.value();
    }
}
