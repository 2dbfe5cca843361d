package dev.lethe.redis.state;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A Redis state URL: {@code redis://host:6379[/db]}, or comma-separated URIs of a cluster, optionally with
 * {@code ?prefix=NAME} to keep several Lethe deployments apart on one Redis: keys then live under
 * {@code {NAME}:} instead of {@value StateKeys#DEFAULT_PREFIX}.
 *
 * @param uris   the URL without the {@code prefix} parameter, for the client
 * @param prefix the key prefix, hash tag included
 */
record StateUrl(String uris, String prefix) {

    private static final Pattern PREFIX = Pattern.compile("([?&])prefix=([^&,]*)");
    private static final Pattern NAME = Pattern.compile("[A-Za-z0-9._-]+");

    static StateUrl parse(String url) {
        Matcher matcher = PREFIX.matcher(url);
        if (!matcher.find()) {
            return new StateUrl(url, StateKeys.DEFAULT_PREFIX);
        }
        String name = matcher.group(2);
        if (!NAME.matcher(name).matches()) {
            throw new IllegalArgumentException("state URL: prefix must be letters, digits, '.', '_' or '-', was '" + name + "'");
        }
        String rest = url.substring(0, matcher.start()) + (matcher.group(1).equals("?") ? "?" : "")
                + url.substring(matcher.end());
        rest = rest.replace("?&", "?").replaceAll("\\?(?=,|$)", "");
        return new StateUrl(rest, "{" + name + "}:");
    }
}
