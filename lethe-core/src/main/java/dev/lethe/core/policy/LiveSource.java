package dev.lethe.core.policy;

/** Where the live owners of an orphan sweep are listed. */
public sealed interface LiveSource permits LiveSource.Query, LiveSource.SetMembers {

    /** The store that answers. */
    String store();

    /** A human description for warnings, e.g. {@code query on store app}. */
    String describe();

    /**
     * The first column of a SQL query's rows, e.g. {@code SELECT id FROM sessions WHERE ended_at IS NULL}.
     *
     * @param store a SQL store
     * @param query a read-only query
     */
    record Query(String store, String query) implements LiveSource {
        public Query {
            if (store == null || store.isBlank() || query == null || query.isBlank()) {
                throw new IllegalArgumentException("live query needs a store and a query");
            }
        }

        @Override
        public String describe() {
            return "query on store " + store;
        }
    }

    /**
     * The members of a set, e.g. the Redis set {@code mosaic:live}.
     *
     * @param store a key-value store
     * @param key   the set's key
     */
    record SetMembers(String store, String key) implements LiveSource {
        public SetMembers {
            if (store == null || store.isBlank() || key == null || key.isBlank()) {
                throw new IllegalArgumentException("live set needs a store and a key");
            }
        }

        @Override
        public String describe() {
            return "set " + key + " on store " + store;
        }
    }
}
