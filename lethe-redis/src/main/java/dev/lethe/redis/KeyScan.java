package dev.lethe.redis;

import io.lettuce.core.KeyScanArgs;
import io.lettuce.core.KeyScanCursor;
import io.lettuce.core.ScanCursor;
import io.lettuce.core.codec.StringCodec;
import io.lettuce.core.protocol.CommandArgs;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;

/**
 * One walk over the keyspace: a {@code SCAN} cursor per master, the masters visited one after another. Each
 * step is one {@code SCAN cursor MATCH pattern [TYPE type] COUNT n}, which holds the server for about as long
 * as {@code n} keys take to look at.
 *
 * <p>The walk runs up to {@value #AHEAD} steps ahead of its reader: the moment a step's reply arrives, the
 * client's I/O thread sends the next {@code SCAN} (its cursor is in the reply), so the server is not left idle
 * while the reader wakes up, filters and waits for its {@code UNLINK}s, which queue behind the {@code SCAN} in
 * flight on the same connection. {@code SCAN} is a chain — each step needs the previous step's cursor — so
 * only one is ever in flight; the lead lets the chain keep going through a whole batch's removal instead of
 * stalling two steps in. At most {@value #AHEAD} steps' keys wait unread, so memory stays bounded.
 *
 * <p>{@code SCAN} guarantees that every key present for the whole walk is returned, and may return a key more
 * than once; callers must not count on uniqueness.
 */
final class KeyScan {

    /** A step's reply and the master it came from. */
    private record Step(int master, KeyScanCursor<String> reply) {
    }

    private final String store;
    private final List<RedisTopology.Master> masters;
    private final KeyScanArgs args;
    /** Steps requested or arrived but not yet read: the walk's lead over its reader. */
    static final int AHEAD = 4;

    private final Deque<CompletionStage<Optional<Step>>> ahead = new ArrayDeque<>();
    private boolean exhausted;

    KeyScan(String store, List<RedisTopology.Master> masters, String pattern, Optional<String> type, int count) {
        this.store = store;
        this.masters = masters;
        this.args = KeyScanArgs.Builder.matches(pattern).limit(count);
        type.ifPresent(args::type);
        this.exhausted = masters.isEmpty();
        if (!exhausted) {
            ahead.add(request(0, ScanCursor.INITIAL));
            while (ahead.size() < AHEAD) {
                ahead.add(chain(ahead.peekLast()));
            }
        }
    }

    /** Whether every master has been walked to the end. */
    boolean exhausted() {
        return exhausted;
    }

    /** The keys of the next step (possibly none); call only while not {@link #exhausted()}. */
    List<String> next() {
        Optional<Step> step = Replies.await(store, "SCAN", ahead.poll());
        ahead.add(chain(ahead.peekLast()));
        exhausted = step.map(this::isLast).orElse(true);
        return step.map(s -> s.reply().getKeys()).orElse(List.of());
    }

    /** The step after {@code step}'s, requested the moment {@code step} arrives. */
    private CompletionStage<Optional<Step>> chain(CompletionStage<Optional<Step>> step) {
        return step.thenCompose(arrived -> arrived.map(this::after)
                .orElseGet(() -> CompletableFuture.completedFuture(Optional.empty())));
    }

    private boolean isLast(Step step) {
        return step.reply().isFinished() && step.master() == masters.size() - 1;
    }

    /** The step after {@code step}: the same master's next cursor, the next master's start, or none. */
    private CompletionStage<Optional<Step>> after(Step step) {
        if (!step.reply().isFinished()) {
            return request(step.master(), step.reply());
        }
        if (step.master() + 1 < masters.size()) {
            return request(step.master() + 1, ScanCursor.INITIAL);
        }
        return CompletableFuture.completedFuture(Optional.empty());
    }

    private CompletionStage<Optional<Step>> request(int master, ScanCursor cursor) {
        return masters.get(master).commands().scan(ScanCursor.of(cursor.getCursor()), args)
                .thenApply(reply -> Optional.of(new Step(master, reply)));
    }

    /** The step as the plan shows it. */
    String describe() {
        CommandArgs<String, String> text = new CommandArgs<>(StringCodec.UTF8);
        args.build(text);
        return "SCAN <cursor> MATCH " + text.toCommandString().replaceFirst("^MATCH ", "") + " on each of "
                + masters.size() + " master(s)";
    }
}
