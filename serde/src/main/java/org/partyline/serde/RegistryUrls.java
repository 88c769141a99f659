package org.partyline.serde;

import java.net.URI;
import java.net.URISyntaxException;
import java.util.Arrays;
import java.util.Optional;
import java.util.stream.Collectors;

/** Registry URLs without their secrets: the userinfo of {@code http://USER:PASSWORD@host} is never shown. */
public final class RegistryUrls {

    private RegistryUrls() {
    }

    /** The URL (or comma-separated URLs) with any userinfo removed, safe for logs and messages. */
    public static String redact(String urls) {
        if (urls == null) {
            return null;
        }
        return Arrays.stream(urls.split(",", -1)).map(RegistryUrls::redactOne).collect(Collectors.joining(","));
    }

    /** The userinfo of one URL ({@code USER:PASSWORD}, percent-decoded), if it has one. */
    static Optional<String> userInfo(String url) {
        int at = userInfoEnd(url);
        if (at < 0) {
            return Optional.empty();
        }
        try {
            return Optional.ofNullable(new URI(url.trim()).getUserInfo());
        } catch (URISyntaxException e) {
            throw new IllegalArgumentException("the schema registry URL " + redactOne(url) + " is not a valid URL");
        }
    }

    private static String redactOne(String url) {
        int at = userInfoEnd(url);
        if (at < 0) {
            return url;
        }
        int start = url.indexOf("://") + 3;
        return url.substring(0, start) + url.substring(at + 1);
    }

    /** Index of the {@code @} ending the userinfo, or -1. */
    private static int userInfoEnd(String url) {
        int scheme = url.indexOf("://");
        if (scheme < 0) {
            return -1;
        }
        int start = scheme + 3;
        int end = start;
        while (end < url.length() && "/?#".indexOf(url.charAt(end)) < 0) {
            end++;
        }
        return url.lastIndexOf('@', end - 1) >= start ? url.lastIndexOf('@', end - 1) : -1;
    }
}
