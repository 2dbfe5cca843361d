package dev.lethe.core.report;

/**
 * An item removed in a way the policy allows but that loses data someone may still want (a budget's
 * hard-cap overflow evicting an un-analyzed item). Always reported, one event per item.
 *
 * @param key    the item's key
 * @param reason why it was lost
 */
public record DataLossEvent(String key, String reason) {
}
