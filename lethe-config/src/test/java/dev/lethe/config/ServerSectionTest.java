package dev.lethe.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The {@code server:} section that {@code lethe serve} reads. */
class ServerSectionTest {

    @TempDir
    Path dir;

    private LetheConfig load(String yaml) throws IOException {
        return ConfigLoader.load(Files.writeString(dir.resolve("lethe.yaml"), yaml), Map.of("PORT", "9500"));
    }

    @Test
    void withoutAServerSectionTheDaemonListensOnLoopback() throws IOException {
        assertThat(load("stores: {}\n").server()).isEqualTo(ServerSettings.DEFAULTS)
                .isEqualTo(new ServerSettings("127.0.0.1", 9464, "text", Duration.ofSeconds(30)));
    }

    @Test
    void everyKeyIsRead() throws IOException {
        ServerSettings server = load("server: { bind: 0.0.0.0, port: \"${env:PORT}\", logFormat: json, leaseTtl: 1m }\n")
                .server();

        assertThat(server).isEqualTo(new ServerSettings("0.0.0.0", 9500, "json", Duration.ofMinutes(1)));
    }

    @Test
    void badValuesAreLocatedErrors() {
        Path file = dir.resolve("lethe.yaml");
        assertThatThrownBy(() -> load("server:\n  port: 70000\n"))
                .hasMessage(file + ":2:9: server.port must be between 0 and 65535, was 70000");
        assertThatThrownBy(() -> load("server:\n  logFormat: xml\n"))
                .hasMessage(file + ":2:14: server.logFormat must be text or json, was 'xml'");
        assertThatThrownBy(() -> load("server:\n  leaseTtl: 500ms\n"))
                .hasMessage(file + ":2:13: server.leaseTtl must be at least 1s: the lease is renewed every third of it");
        assertThatThrownBy(() -> load("server:\n  prot: 1\n"))
                .hasMessage(file + ":2:3: unknown key 'prot' in server; did you mean 'port'?");
    }
}
