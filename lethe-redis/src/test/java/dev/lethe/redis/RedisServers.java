package dev.lethe.redis;

import java.util.function.Supplier;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.ParameterContext;
import org.junit.jupiter.api.extension.ParameterResolver;

/**
 * Supplies the Redis deployment a test class runs against, as a {@link RedisDeployment} parameter. Each
 * deployment is started once per test run and stopped after the last test:
 * <ul>
 *   <li>{@link Standalone} — the shared server on 127.0.0.1:6379 (started by the test script; tests use their
 *       own key prefix there and clean up);</li>
 *   <li>{@link Cluster} — a three-master cluster started on free loopback ports;</li>
 *   <li>{@link Private} — a standalone server of the tests' own, for assertions on server-wide statistics.</li>
 * </ul>
 */
abstract class RedisServers implements ParameterResolver {

    private final String name;
    private final Supplier<RedisDeployment> start;

    RedisServers(String name, Supplier<RedisDeployment> start) {
        this.name = name;
        this.start = start;
    }

    @Override
    public boolean supportsParameter(ParameterContext parameter, ExtensionContext context) {
        return parameter.getParameter().getType() == RedisDeployment.class;
    }

    @Override
    public Object resolveParameter(ParameterContext parameter, ExtensionContext context) {
        ExtensionContext.Store store = context.getRoot().getStore(ExtensionContext.Namespace.create(RedisServers.class));
        return store.getOrComputeIfAbsent(name, key -> new Running(start.get()), Running.class).deployment;
    }

    private record Running(RedisDeployment deployment) implements ExtensionContext.Store.CloseableResource {
        @Override
        public void close() {
            deployment.close();
        }
    }

    /** The shared standalone server on 6379. */
    static final class Standalone extends RedisServers {
        Standalone() {
            super("standalone", () -> new RedisDeployment.Standalone(6379, null));
        }
    }

    /** A three-master cluster of the test run's own. */
    static final class Cluster extends RedisServers {
        Cluster() {
            super("cluster", TestCluster::start);
        }
    }

    /** A standalone server of the test run's own. */
    static final class Private extends RedisServers {
        Private() {
            super("private", () -> {
                RedisProcess process = RedisProcess.start(false);
                return new RedisDeployment.Standalone(process.port, process);
            });
        }
    }
}
