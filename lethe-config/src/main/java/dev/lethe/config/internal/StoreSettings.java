package dev.lethe.config.internal;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.snakeyaml.engine.v2.nodes.Node;

/**
 * The settings map of one store type, checked: required keys present, URL schemes right, relative paths
 * resolved against the config file's directory (so a config works the same from any working directory).
 */
final class StoreSettings {

    private static final List<String> POSTGRES_URLS = List.of("jdbc:postgresql:");
    private static final List<String> MARIADB_URLS = List.of("jdbc:mariadb:", "jdbc:mysql:");
    private static final List<String> SQLITE_URLS = List.of("jdbc:sqlite:");
    private static final List<String> REDIS_URIS = List.of("redis://", "rediss://");
    private static final List<String> DOCKER_HOSTS = List.of("unix://", "tcp://", "npipe://", "http://", "https://");
    private static final Pattern USER_INFO = Pattern.compile("(//[^/:@]*:)[^/@]*@");
    private static final Pattern PASSWORD_PARAMETER = Pattern.compile("(?i)(password=)[^&;]*");

    private StoreSettings() {
    }

    static Map<String, String> of(StoreType type, Section store) {
        Map<String, String> settings = new LinkedHashMap<>();
        switch (type) {
            case POSTGRES -> server(store, settings, POSTGRES_URLS, "jdbc:postgresql://127.0.0.1:5432/app");
            case MARIADB, MYSQL -> server(store, settings, MARIADB_URLS, "jdbc:mariadb://127.0.0.1:3306/app");
            case SQLITE -> {
                String key = exactlyOne(store, "path", "url", "sqlite stores need path (e.g. path: data/notes.db) or url");
                Text value = store.requireText(key);
                settings.put(key, key.equals("path") ? resolved(store, key, value)
                        : url(store, key, value, SQLITE_URLS, "jdbc:sqlite:data/notes.db"));
            }
            case REDIS -> {
                String key = exactlyOne(store, "uri", "cluster",
                        "redis stores need uri (e.g. uri: redis://127.0.0.1:6379) or cluster: [uri, …]");
                settings.put(key, key.equals("uri")
                        ? url(store, key, store.requireText(key), REDIS_URIS, "redis://127.0.0.1:6379")
                        : cluster(store));
                store.integer("scanCount").ifPresent(count -> {
                    if (count < 1 || count > 100_000) {
                        throw store.error(store.entry("scanCount").orElseThrow().value(), "scanCount must be between 1"
                                + " and 100000, was " + count + "; it is the COUNT hint of each SCAN step (default 1000)");
                    }
                    settings.put("scanCount", String.valueOf(count));
                });
            }
            case FS -> settings.put("root", resolved(store, "root", store.requireText("root")));
            case DOCKER -> settings.put("host", url(store, "host", store.requireText("host"), DOCKER_HOSTS,
                    "unix:///var/run/docker.sock"));
        }
        return settings;
    }

    private static void server(Section store, Map<String, String> settings, List<String> schemes, String example) {
        settings.put("url", url(store, "url", store.requireText("url"), schemes, example));
        store.text("user").ifPresent(user -> settings.put("user", user.value()));
        store.text("password").ifPresent(password -> settings.put("password", password.value()));
        // The session zone decides what zone-less timestamp columns mean, so a typo must fail here, not skew ages.
        store.text("timeZone").ifPresent(zone -> {
            TimeZones.of(store, "timeZone", zone);
            settings.put("timeZone", zone.value());
        });
    }

    private static String exactlyOne(Section store, String one, String other, String neither) {
        if (store.has(one) && store.has(other)) {
            Node second = store.entry(other).orElseThrow().keyNode();
            throw store.error(second, "set either " + one + " or " + other + ", not both");
        }
        if (!store.has(one) && !store.has(other)) {
            throw store.error(store.at(), neither);
        }
        return store.has(one) ? one : other;
    }

    private static String url(Section store, String path, Text value, List<String> schemes, String example) {
        if (schemes.stream().noneMatch(value.value()::startsWith)) {
            throw store.error(value.node(), path + " must start with " + String.join(" or ", schemes) + ", was '"
                    + masked(value.shown()) + "'; e.g. " + example);
        }
        return value.value();
    }

    private static String cluster(Section store) {
        List<Node> nodes = store.list("cluster", "redis:// URIs").orElseThrow();
        if (nodes.isEmpty()) {
            throw store.error(store.entry("cluster").orElseThrow().value(), "cluster must list at least one URI");
        }
        Node key = store.entry("cluster").orElseThrow().keyNode();
        // Comma-joined: StoreSpec settings are strings, and a comma cannot occur in a redis:// URI's host list.
        return nodes.stream()
                .map(node -> url(store, "cluster", store.text("cluster", key, node), REDIS_URIS, "redis://10.0.0.1:6379"))
                .collect(Collectors.joining(","));
    }

    private static String resolved(Section store, String key, Text path) {
        if (path.isBlank()) {
            throw store.error(path.node(), key + " must not be empty");
        }
        return store.scope().source().directory().resolve(path.value()).normalize().toString();
    }

    /** A literal URL in the file may still carry a password; a message shows it masked. */
    static String masked(String url) {
        String withoutUserInfo = USER_INFO.matcher(url).replaceAll("$1****@");
        return PASSWORD_PARAMETER.matcher(withoutUserInfo).replaceAll("$1****");
    }
}
