package dev.lethe.redis;

import dev.lethe.core.policy.KeySelection;
import dev.lethe.core.policy.Orphans;
import dev.lethe.core.store.LiveOwners;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The client-side part of a key selection: {@code exclude} globs (the server's {@code MATCH} takes one pattern
 * only) and, for orphan sweeps, the owner of each key. A key whose name the owner regex does not match has no
 * known owner and is never treated as an orphan.
 */
final class KeyFilter {

    private final List<Glob> exclude;
    private final Optional<Pattern> owner;
    private final LiveOwners live;

    KeyFilter(KeySelection selection, LiveOwners live) {
        this.exclude = selection.exclude().stream().map(Glob::of).toList();
        this.owner = selection.orphans().map(Orphans::owner);
        this.live = live;
    }

    /** Whether {@code key} is not excluded and, in an orphan sweep, has an owner absent from the snapshot. */
    boolean admits(String key) {
        for (Glob glob : exclude) {
            if (glob.matches(key)) {
                return false;
            }
        }
        if (owner.isEmpty()) {
            return true;
        }
        Optional<String> id = ownerOf(key);
        return id.isPresent() && !live.contains(id.get());
    }

    /**
     * In an orphan sweep, {@code keys} without those whose owner the live source lists now (one question to the
     * source for the whole batch); otherwise {@code keys} unchanged.
     */
    List<String> withoutRevived(Collection<String> keys) {
        if (owner.isEmpty() || keys.isEmpty()) {
            return List.copyOf(keys);
        }
        Set<String> owners = new LinkedHashSet<>();
        keys.forEach(key -> ownerOf(key).ifPresent(owners::add));
        Set<String> revived = live.recheck(owners);
        List<String> orphans = new ArrayList<>(keys.size());
        for (String key : keys) {
            if (!revived.contains(ownerOf(key).orElseThrow())) {
                orphans.add(key);
            }
        }
        return orphans;
    }

    private Optional<String> ownerOf(String key) {
        Matcher matcher = owner.orElseThrow().matcher(key);
        return matcher.find() ? Optional.ofNullable(matcher.group("owner")) : Optional.empty();
    }

    /** How the plan describes the client-side filters, for its statements. */
    List<String> describe() {
        List<String> lines = new ArrayList<>();
        if (!exclude.isEmpty()) {
            lines.add("skip keys matching " + String.join(" or ", exclude.stream().map(Glob::toString).toList()) + " (client side)");
        }
        owner.ifPresent(regex -> lines.add("owner of each key: /" + regex.pattern() + "/; skip owners among the "
                + live.size() + " live ones, and those the live source lists again right before each UNLINK"));
        return lines;
    }
}
