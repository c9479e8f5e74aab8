package com.salesai.schema.fathom;

import java.net.URI;
import java.net.URISyntaxException;
import java.util.Locale;

/**
 * A payload's share link becomes a link on the call page, so only a link into Fathom is kept: {@code https}, on
 * {@code fathom.video} or one of its subdomains, without user info. Anything else (another host, {@code javascript:},
 * a look-alike such as {@code fathom.video.evil.test}) is dropped: the call stays, without its link.
 */
final class FathomLinks {
    private static final String HOST = "fathom.video";

    private FathomLinks() {
    }

    static String orNull(String url) {
        if (url == null || url.isBlank()) {
            return null;
        }
        try {
            URI uri = new URI(url.strip());
            String host = uri.getHost() == null ? "" : uri.getHost().toLowerCase(Locale.ROOT);
            boolean fathom = host.equals(HOST) || host.endsWith("." + HOST);
            return "https".equalsIgnoreCase(uri.getScheme()) && fathom && uri.getRawUserInfo() == null
                    ? uri.toString() : null;
        } catch (URISyntaxException e) {
            return null;
        }
    }
}
