package dev.lethe.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.ArrayList;
import java.util.List;

/** Parses stdout as exactly one JSON document and checks the CLI's {@code {"runs":[…]}} contract. */
final class JsonDocument {

    /** The keys of DESIGN.md's contract, in its order; every run starts with them. */
    static final List<String> RUN_KEYS = List.of("policy", "status", "dryRun", "matched", "deleted", "updated", "failed",
            "outcomes", "bytesFreed", "dataLoss", "warnings", "startedAt", "durationMs");

    private static final ObjectMapper MAPPER = new ObjectMapper();

    private JsonDocument() {
    }

    static JsonNode parse(String stdout) {
        try {
            var parser = MAPPER.getFactory().createParser(stdout);
            JsonNode document = MAPPER.readTree(parser);
            assertThat(parser.nextToken()).as("nothing after the one JSON document").isNull();
            return document;
        } catch (java.io.IOException e) {
            throw new AssertionError("stdout is not one JSON document: " + stdout, e);
        }
    }

    /** The {@code runs} array, each run checked to start with the contract's keys. */
    static List<JsonNode> runs(String stdout) {
        JsonNode document = parse(stdout);
        assertThat(document.isObject()).isTrue();
        assertThat(fieldNames(document)).containsExactly("runs");
        List<JsonNode> runs = new ArrayList<>();
        document.get("runs").forEach(runs::add);
        for (JsonNode run : runs) {
            assertThat(fieldNames(run).subList(0, RUN_KEYS.size())).isEqualTo(RUN_KEYS);
        }
        return runs;
    }

    static List<String> fieldNames(JsonNode node) {
        List<String> names = new ArrayList<>();
        node.fieldNames().forEachRemaining(names::add);
        return names;
    }
}
