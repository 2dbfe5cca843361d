package dev.lethe.cli;

import java.nio.file.Files;
import java.nio.file.Path;

/** Files of the repository the tests check (examples, docs), found from the module's directory. */
final class Repository {

    private Repository() {
    }

    static Path root() {
        Path module = Path.of(System.getProperty("basedir", ".")).toAbsolutePath().normalize();
        Path root = module.getParent();
        if (root == null || !Files.isDirectory(root.resolve("examples"))) {
            throw new IllegalStateException("cannot find the repository root above " + module);
        }
        return root;
    }
}
