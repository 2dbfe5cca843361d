package dev.lethe.bench;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.temporal.ChronoUnit;
import java.util.HexFormat;

/**
 * A private copy of lethe.jar taken when the benchmark starts. The checkout's jar is rebuilt whenever someone
 * runs {@code mvn package}; without the copy a long run could time two different builds, or fail half-way
 * through a rebuild.
 *
 * @param path   the copy the Lethe contenders run
 * @param sha256 its digest, recorded with the results
 * @param built  when the checkout's jar was last written (it may hold uncommitted work of that moment)
 */
record LetheJar(Path path, String sha256, String built) {

    static LetheJar snapshot(Path checkoutJar, Path workDir) throws IOException {
        if (!Files.isRegularFile(checkoutJar)) {
            return new LetheJar(checkoutJar, "missing", "never");
        }
        Files.createDirectories(workDir);
        Path copy = workDir.resolve("lethe.jar");
        Files.copy(checkoutJar, copy, StandardCopyOption.REPLACE_EXISTING);
        String modified = Files.getLastModifiedTime(checkoutJar).toInstant().truncatedTo(ChronoUnit.SECONDS).toString();
        return new LetheJar(copy, sha256(copy), modified);
    }

    private static String sha256(Path file) throws IOException {
        try (InputStream in = Files.newInputStream(file)) {
            MessageDigest digest = MessageDigest.getInstance("SHA-256");
            byte[] buffer = new byte[1 << 16];
            for (int n; (n = in.read(buffer)) > 0; ) {
                digest.update(buffer, 0, n);
            }
            return HexFormat.of().formatHex(digest.digest());
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every JVM has SHA-256", e);
        }
    }
}
