package dev.lethe.server.internal;

import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.UUID;

/** Names this daemon as a lease owner: {@code host/pid/random}, unique even for two daemons on one host. */
public final class LeaseOwner {

    private LeaseOwner() {
    }

    public static String current() {
        return host() + "/" + ProcessHandle.current().pid() + "/" + UUID.randomUUID().toString().substring(0, 8);
    }

    private static String host() {
        try {
            return InetAddress.getLocalHost().getHostName();
        } catch (UnknownHostException e) {
            String env = System.getenv("HOSTNAME");
            return env == null || env.isBlank() ? "localhost" : env;
        }
    }
}
