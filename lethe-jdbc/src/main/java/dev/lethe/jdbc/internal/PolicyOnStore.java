package dev.lethe.jdbc.internal;

import dev.lethe.core.store.PolicyRejectedException;
import dev.lethe.core.store.StoreException;
import java.sql.SQLException;

/**
 * Which policy is being swept on which store: the names every error message carries.
 *
 * @param policy the policy's name
 * @param store  the store's name
 */
public record PolicyOnStore(String policy, String store) {

    /** The policy cannot run on this store; nothing was changed. */
    public PolicyRejectedException rejected(String why, Throwable cause) {
        return new PolicyRejectedException("policy '" + policy + "' rejected by store '" + store + "': " + why, cause);
    }

    /** The store failed while the policy was {@code doing} something; the run stops. */
    public StoreException failed(String doing, SQLException cause) {
        return new StoreException("store '" + store + "' failed while " + doing + " for policy '" + policy + "': "
                + firstLine(cause), cause);
    }

    /** The first line of a driver's message: the database's own words, without position markers or hints. */
    public static String firstLine(SQLException e) {
        String message = e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
        int newline = message.indexOf('\n');
        return (newline < 0 ? message : message.substring(0, newline)).trim();
    }
}
