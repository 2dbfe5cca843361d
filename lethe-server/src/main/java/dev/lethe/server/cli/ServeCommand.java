package dev.lethe.server.cli;

import dev.lethe.config.ConfigException;
import dev.lethe.config.ConfigLoader;
import dev.lethe.config.Durations;
import dev.lethe.config.LetheConfig;
import dev.lethe.config.ServerSettings;
import dev.lethe.core.history.RunHistory;
import dev.lethe.core.lease.LeaseStore;
import dev.lethe.jdbc.state.StateStores;
import dev.lethe.server.ConfigFileSource;
import dev.lethe.server.LetheServer;
import dev.lethe.server.LetheServerBuilder;
import dev.lethe.server.LogFormat;
import java.net.InetSocketAddress;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code lethe serve}: runs the config's policies on their schedules until stopped.
 *
 * <p>SIGTERM or SIGINT stops it: no new runs, runs under way stop before their next batch and are recorded as
 * {@code interrupted}, leases are released, exit code 0 (1 if a run was still going after the grace period).
 * SIGHUP reloads the config, like {@code POST /api/reload}.
 */
@Command(name = "serve", mixinStandardHelpOptions = true, description = {
        "Run the config's policies on their schedules, with leases, metrics and the HTTP admin API.",
        "POST endpoints need the bearer token in the environment variable LETHE_ADMIN_TOKEN."})
public final class ServeCommand implements Callable<Integer> {

    /** The environment variable holding the admin API's bearer token. */
    public static final String TOKEN_VARIABLE = "LETHE_ADMIN_TOKEN";

    @Spec
    CommandSpec spec;

    @Option(names = {"-c", "--config"}, paramLabel = "FILE", defaultValue = "lethe.yaml",
            description = "The config file (default: ${DEFAULT-VALUE}).")
    Path config;

    @Option(names = "--bind", paramLabel = "ADDRESS",
            description = "Address of the admin API (default: server.bind, else 127.0.0.1: this machine only).")
    String bind;

    @Option(names = "--port", paramLabel = "PORT",
            description = "Port of the admin API; 0 picks a free one (default: server.port, else 9464).")
    Integer port;

    @Option(names = "--no-http", description = "Do not serve the admin API (no /metrics either).")
    boolean noHttp;

    @Option(names = "--log-format", paramLabel = "text|json",
            description = "Log lines as text, or one JSON object per line on stdout (default: server.logFormat, else text).")
    LogFormat logFormat;

    @Option(names = "--lease-ttl", paramLabel = "DURATION",
            description = "How long a policy's lease lasts without renewal (default: server.leaseTtl, else 30s).")
    String leaseTtl;

    @Option(names = "--shutdown-grace", paramLabel = "DURATION", defaultValue = "30s",
            description = "How long a stop waits for the batch under way (default: ${DEFAULT-VALUE}).")
    String shutdownGrace;

    private final Map<String, String> env;

    public ServeCommand() {
        this(System.getenv());
    }

    ServeCommand(Map<String, String> env) {
        this.env = env;
    }

    /** Runs {@code serve} alone, without the rest of the CLI: exit code 2 with one line for a bad config. */
    public static void main(String[] args) {
        CommandLine cli = new CommandLine(new ServeCommand()).setCaseInsensitiveEnumValuesAllowed(true)
                .setExecutionExceptionHandler((e, command, parsed) -> {
                    command.getErr().println(e instanceof ConfigException ? e.getMessage() : "lethe serve: " + e.getMessage());
                    return e instanceof ConfigException ? 2 : 1;
                });
        System.exit(cli.execute(args));
    }

    @Override
    public Integer call() throws InterruptedException {
        if (!Files.isRegularFile(config)) {
            throw new CommandLine.ParameterException(spec.commandLine(), config + ": no such config file (pass --config FILE)");
        }
        LetheConfig loaded = ConfigLoader.load(config);
        ServerSettings server = loaded.server();
        String stateUrl = ConfigFileSource.stateUrl(loaded);
        try (RunHistory history = StateStores.open(stateUrl); LeaseStore leases = StateStores.openLeases(stateUrl)) {
            LetheServerBuilder builder = LetheServer.builder()
                    .source(new ConfigFileSource(config, history, stateUrl))
                    .leases(leases)
                    .leaseTtl(leaseTtl != null ? duration("--lease-ttl", leaseTtl) : server.leaseTtl())
                    .shutdownGrace(duration("--shutdown-grace", shutdownGrace))
                    .logFormat(logFormat != null ? logFormat : LogFormat.valueOf(server.logFormat().toUpperCase(Locale.ROOT)))
                    .adminToken(Optional.ofNullable(env.get(TOKEN_VARIABLE)));
            if (!noHttp) {
                builder.http(new InetSocketAddress(bind != null ? bind : server.bind(), port != null ? port : server.port()));
            }
            LetheServer daemon = builder.build().start();
            boolean clean = new StopSignals(daemon).awaitStop();
            return clean ? 0 : 1;
        }
    }

    private Duration duration(String option, String text) {
        try {
            return Durations.parse(text);
        } catch (IllegalArgumentException e) {
            throw new CommandLine.ParameterException(spec.commandLine(), option + ": " + e.getMessage());
        }
    }
}
