package dev.lethe.config;

import dev.lethe.core.owner.OwnerKind;
import dev.lethe.core.policy.Policy;
import dev.lethe.core.store.StoreSpec;
import java.nio.file.Path;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * A loaded, validated {@code lethe.yaml}: where run history lives, the stores, and the policies.
 *
 * <p>Every policy's {@link Policy#store()} names a key of {@link #stores()}; the loader guarantees it.
 *
 * @param file     the file the config was read from, as given to {@link ConfigLoader#load(Path)}
 * @param state    JDBC URL or Redis URI of the state store (history, leases, audit);
 *                 {@value #DEFAULT_STATE} unless set
 * @param stores   store name to spec, in the order written, secrets resolved
 * @param policies policies in the order written
 * @param owners   owner kinds ({@code lethe collect <kind> <id>}) in the order written
 * @param server   the {@code server:} section, for {@code lethe serve}; {@link ServerSettings#DEFAULTS} unless set
 */
public record LetheConfig(Path file, String state, Map<String, StoreSpec> stores, List<Policy> policies,
                          List<OwnerKind> owners, ServerSettings server) {

    /** The state store used when {@code state:} is not set: an SQLite file in the working directory. */
    public static final String DEFAULT_STATE = "jdbc:sqlite:lethe-state.db";

    public LetheConfig {
        Objects.requireNonNull(file, "file");
        Objects.requireNonNull(state, "state");
        // unmodifiableMap over a copy, not Map.copyOf: the order written is part of the contract.
        stores = Collections.unmodifiableMap(new LinkedHashMap<>(stores));
        policies = List.copyOf(policies);
        owners = List.copyOf(owners);
        Objects.requireNonNull(server, "server");
    }

    /** A config without a {@code server:} section. */
    public LetheConfig(Path file, String state, Map<String, StoreSpec> stores, List<Policy> policies,
                       List<OwnerKind> owners) {
        this(file, state, stores, policies, owners, ServerSettings.DEFAULTS);
    }

    /** A config without owner kinds. */
    public LetheConfig(Path file, String state, Map<String, StoreSpec> stores, List<Policy> policies) {
        this(file, state, stores, policies, List.of());
    }

    /** The owner kind with this name, if the config defines one. */
    public Optional<OwnerKind> owner(String kind) {
        return owners.stream().filter(o -> o.name().equals(kind)).findFirst();
    }

    /** The policy with this name, if the config defines one. */
    public Optional<Policy> policy(String name) {
        return policies.stream().filter(p -> p.name().equals(name)).findFirst();
    }
}
