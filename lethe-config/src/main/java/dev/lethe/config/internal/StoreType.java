package dev.lethe.config.internal;

import java.util.Arrays;
import java.util.List;
import java.util.Optional;

/** The {@code type:} values a store may have, each with its kind and the settings keys it takes. */
enum StoreType {
    POSTGRES("postgres", StoreKind.SQL, "url", "user", "password", "timeZone"),
    MARIADB("mariadb", StoreKind.SQL, "url", "user", "password", "timeZone"),
    MYSQL("mysql", StoreKind.SQL, "url", "user", "password", "timeZone"),
    SQLITE("sqlite", StoreKind.SQL, "path", "url"),
    REDIS("redis", StoreKind.REDIS, "uri", "cluster", "scanCount"),
    FS("fs", StoreKind.FS, "root"),
    DOCKER("docker", StoreKind.DOCKER, "host");

    private final String id;
    private final StoreKind kind;
    private final List<String> keys;

    StoreType(String id, StoreKind kind, String... keys) {
        this.id = id;
        this.kind = kind;
        this.keys = List.of(keys);
    }

    static Optional<StoreType> of(String id) {
        return Arrays.stream(values()).filter(type -> type.id.equals(id)).findFirst();
    }

    /** Every {@code type:} value, in documentation order. */
    static List<String> ids() {
        return Arrays.stream(values()).map(StoreType::id).toList();
    }

    /** The {@code type:} value, e.g. {@code postgres}. */
    String id() {
        return id;
    }

    StoreKind kind() {
        return kind;
    }

    /** The settings keys besides {@code type}. */
    List<String> keys() {
        return keys;
    }
}
