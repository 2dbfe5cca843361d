package dev.lethe.config;

import java.net.URISyntaxException;
import java.net.URL;
import java.nio.file.Path;

/** Test configs live under src/test/resources; tests load them from the copied class path. */
final class ConfigFiles {

    private ConfigFiles() {
    }

    static Path resource(String name) {
        URL url = ConfigFiles.class.getResource("/" + name);
        if (url == null) {
            throw new IllegalArgumentException("no test resource " + name);
        }
        try {
            return Path.of(url.toURI());
        } catch (URISyntaxException e) {
            throw new IllegalStateException(e);
        }
    }
}
