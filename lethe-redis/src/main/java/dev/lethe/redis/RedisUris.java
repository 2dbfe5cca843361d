package dev.lethe.redis;

import java.util.regex.Pattern;

/** Redis URIs as they may be shown: with any user-info password replaced by {@code ****}. */
public final class RedisUris {

    private static final Pattern USER_INFO = Pattern.compile("(rediss?(?:-socket|-sentinel)?://)([^@/\\s]*)@");

    private RedisUris() {
    }

    /** {@code text} with the password of every Redis URI in it masked. */
    public static String mask(String text) {
        return USER_INFO.matcher(text).replaceAll(m -> {
            String userInfo = m.group(2);
            int colon = userInfo.indexOf(':');
            String user = colon < 0 ? "" : userInfo.substring(0, colon);
            return java.util.regex.Matcher.quoteReplacement(m.group(1) + user + ":****@");
        });
    }
}
