package dev.lethe.config.internal;

import dev.lethe.config.ConfigException;
import dev.lethe.config.LetheConfig;
import dev.lethe.config.ServerSettings;
import dev.lethe.core.owner.OwnerKind;
import dev.lethe.core.policy.Policy;
import dev.lethe.core.store.StoreSpec;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.snakeyaml.engine.v2.nodes.MappingNode;
import org.snakeyaml.engine.v2.nodes.Node;

/** Reads a whole config file: {@code state}, {@code stores}, {@code policies}, {@code owners}, {@code server}. */
public final class ConfigReader {

    private static final List<String> KEYS = List.of("state", "stores", "policies", "owners", "server");
    private static final List<String> STATE_SCHEMES = List.of("jdbc:sqlite:", "jdbc:postgresql://", "redis://", "rediss://");

    private ConfigReader() {
    }

    /**
     * @throws ConfigException at the first problem found
     */
    public static LetheConfig read(Path file, Map<String, String> env) {
        ConfigSource source = new ConfigSource(file, env);
        Node root = YamlDocument.read(source);
        Scope top = Scope.top(source);
        if (!(root instanceof MappingNode)) {
            throw top.error(root, "the config must be a mapping with 'stores:' and 'policies:', was " + Shape.of(root));
        }
        Section config = Section.of(top, "", root, root);
        config.expectKeys(KEYS);
        String state = config.text("state").map(text -> state(config, text)).orElse(LetheConfig.DEFAULT_STATE);
        Map<String, StoreSpec> stores = config.section("stores").map(StoreReader::read).orElse(Map.of());
        List<Policy> policies = config.section("policies").map(p -> PolicyReader.read(p, stores)).orElse(List.of());
        List<OwnerKind> owners = config.section("owners").map(o -> OwnersReader.read(o, stores)).orElse(List.of());
        ServerSettings server = config.section("server").map(ServerReader::read).orElse(ServerSettings.DEFAULTS);
        return new LetheConfig(file, state, stores, policies, owners, server);
    }

    private static String state(Section config, Text state) {
        if (STATE_SCHEMES.stream().noneMatch(state.value()::startsWith)) {
            throw config.error(state.node(), "state must be jdbc:sqlite:FILE, jdbc:postgresql://… or redis://…, was '"
                    + StoreSettings.masked(state.shown()) + "'");
        }
        return state.value();
    }
}
